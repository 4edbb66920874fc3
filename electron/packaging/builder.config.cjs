// electron-builder configuration for `npm run dist`: Linux (AppImage, deb), macOS (dmg), Windows
// (nsis). Main and the preload are bundled (electron/build.mjs) and the renderer is built, so the
// app ships only dist/electron, dist/renderer and package.json — no node_modules, nothing native to
// rebuild. After packing, the Electron binary's fuses are set (see afterPack below).

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'studio.resilience.app',
  productName: 'Resilience Studio',
  directories: { output: 'release', buildResources: 'electron/packaging' },
  files: ['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/node_modules/**'],
  asar: true,
  npmRebuild: false,
  // Plans are JSON files; the app offers itself as an alternative opener, never as the default for all JSON.
  fileAssociations: [{ ext: 'json', name: 'Resilience plan', description: 'Resilience Studio plan', mimeType: 'application/json', role: 'Editor', rank: 'Alternate' }],
  linux: { target: ['AppImage', 'deb'], category: 'Development' },
  deb: {},
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', hardenedRuntime: true },
  dmg: {},
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  // The fuses (Electron's compile-time switches in the binary): the packaged app cannot be run as
  // plain Node (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), loads only its own asar and checks
  // that asar's integrity, and file:// gets no extra privileges (the app uses app://).
  afterPack: async (context) => {
    const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
    const ext = { darwin: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
    const executable = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
    const path = require('node:path').join(context.appOutDir, `${executable}${ext}`);
    await flipFuses(path, {
      version: FuseVersion.V1,
      // The dmg is signed after this hook; an arm64 binary must stay launchable until then.
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  },
};
