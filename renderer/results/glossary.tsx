/**
 * One short explanation per measure the dashboard shows, used as tooltips on the figures and listed
 * in full at the end of the dashboard, so nobody has to guess what "nines" or "P(exceed)" means.
 */
export const GLOSSARY = {
  availability:
    'Availability (requests): the share of requests that succeeded, over every simulated year. Weighted by requests, so an outage at peak counts more than one at night.',
  timeWeighted: 'Time-weighted availability: the share of time the service was up, whatever the traffic. It differs from the request-weighted figure when outages fall at busy or quiet hours.',
  nines: 'Nines: −log10(1 − availability). 99.9 % is 3 nines, 99.99 % is 4; each extra nine means ten times less downtime.',
  ci95: '95 % interval: the range that holds the true mean with 95 % confidence, from the spread between independent replications. More replications make it narrower.',
  downtime: 'Downtime per year: minutes per year during which requests failed, request-weighted, averaged over replications.',
  incidents: 'Incidents per year: outages that made some requests fail, counted from their first cause.',
  rto: 'RTO (recovery time): how long each incident lasted, from the first failed request to full service. p50 is the median incident, p95 the one longer than 95 % of them.',
  rpo: 'RPO (recovery point): how much recent data a failure lost, as the age of the newest write that did not survive (replication lag or backup age).',
  slo: 'SLO attainment: the share of calendar months whose availability met the objective, as a monthly SLA report would count them.',
  exceed: 'P(exceed): the probability that one incident (RTO) or one data-loss event (RPO) goes beyond its objective. The objective is met when this stays under the allowed share.',
  cumulative: 'Cumulative curve: the share of incidents (or data-loss events) at or below each duration, read on the right-hand 0–100 % axis.',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

const TERM_LABEL: Record<GlossaryTerm, string> = {
  availability: 'Availability (requests)',
  timeWeighted: 'Time-weighted availability',
  nines: 'Nines',
  ci95: '95 % interval',
  downtime: 'Downtime per year',
  incidents: 'Incidents per year',
  rto: 'RTO',
  rpo: 'RPO',
  slo: 'SLO attainment',
  exceed: 'P(exceed)',
  cumulative: 'Cumulative curve',
};

/** A label with its explanation as a tooltip (hover, or focus with the keyboard). */
export function Term({ term, children }: { term: GlossaryTerm; children: React.ReactNode }) {
  return (
    <span className="term" tabIndex={0} title={GLOSSARY[term]} aria-label={`${typeof children === 'string' ? children : TERM_LABEL[term]}. ${GLOSSARY[term]}`} data-term={term}>
      {children}
    </span>
  );
}

export function GlossaryList() {
  return (
    <dl className="glossary" data-testid="glossary">
      {(Object.keys(GLOSSARY) as GlossaryTerm[]).map((term) => (
        <div key={term}>
          <dt>{TERM_LABEL[term]}</dt>
          <dd>{GLOSSARY[term].slice(GLOSSARY[term].indexOf(':') + 1).trim()}</dd>
        </div>
      ))}
    </dl>
  );
}
