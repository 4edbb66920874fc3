// Test-wide setup: load simjs the Node way once per test process.
