// The demo case files: deterministic (a seeded generator, dates counted back from the day
// of seeding), about 60 applicants over every state and region. Most are honest people; two
// planted rings of fabricated identities share contact details the way real IT-worker
// networks do: a laptop-farm shipping address, one phone, gmail dot variants, one IP.
import type { CandidateSource, CaseStatus, CheckResult, IdentifierKind, InterviewKind, InterviewObservation, ProofingCheck, Region } from '@/lib/domain';

export interface DemoCase {
  claimedName: string;
  resumeName: string;
  jobRole: string;
  region: Region;
  source: CandidateSource;
  email: string;
  phone: string;
  status: CaseStatus;
  daysAgo: number;
  /** Days from submission to the CSO's decision (decided cases only). */
  decisionAfterDays?: number;
  extraIdentifiers: { kind: IdentifierKind; value: string }[];
  indicators: { code: string; evidence: string }[];
  interviews: { daysAfter: number; kind: InterviewKind; nameUsed: string; observations: InterviewObservation[]; notes: string }[];
  proofing: { check: ProofingCheck; result: CheckResult; note: string }[];
  notes: string[];
  rationale?: string;
}

/** A small seeded PRNG: the same seed gives the same demo (and scale) data on every machine. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = ['Daniel', 'Maria', 'James', 'Aisha', 'Lukas', 'Sofia', 'Ethan', 'Priya', 'Noah', 'Chloe', 'Mateo', 'Hannah', 'Oliver', 'Amara', 'Leo', 'Ingrid', 'Samuel', 'Yuki', 'Gabriel', 'Fatima', 'Ryan', 'Elena', 'Tomás', 'Grace', 'Jonas', 'Zoë', 'Marcus', 'Nadia', 'Felix', 'Camila'];
export const LAST = ['Fischer', 'Okafor', 'Martin', 'Kowalski', 'Bennett', 'Silva', 'Andersen', 'Rossi', 'Nguyen', 'Dubois', 'Walsh', 'Haddad', 'Moreno', 'Schmidt', 'Clarke', 'Novak', 'Reyes', 'Lindqvist', 'Brennan', 'Costa', 'Müller', 'Sato', 'Wright', 'Petrov', 'Ibáñez'];
export const ROLES = ['Senior Backend Engineer (Go)', 'Smart Contract Engineer', 'Site Reliability Engineer', 'Full-stack Engineer (TypeScript)', 'Wallet Infrastructure Engineer', 'Security Engineer', 'Data Engineer', 'Mobile Engineer (iOS)', 'Platform Engineer (Kubernetes)', 'Blockchain Node Operator'];
const REGIONS: Region[] = ['NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA'];
const SOURCES: CandidateSource[] = ['job_board', 'referral', 'agency', 'direct', 'job_board', 'ats_import'];
const PHONE_PREFIX: Record<Region, string> = { NA: '+1 415 555', EU: '+49 30 5557', UK: '+44 20 7946', APAC: '+65 6555', LATAM: '+55 11 5555', MEA: '+971 4 555' };

// How many honest applicants end in each state: every state, most still in the pipeline.
const HONEST_STATUSES: CaseStatus[] = [
  ...Array<CaseStatus>(11).fill('open'),
  ...Array<CaseStatus>(10).fill('investigating'),
  ...Array<CaseStatus>(6).fill('pending_decision'),
  ...Array<CaseStatus>(18).fill('cleared'),
  ...Array<CaseStatus>(3).fill('escalated'),
];

const HONEST_CLEAR_RATIONALE = 'Live ID check and local-knowledge questions passed; references reached on independently found numbers. No shared identifiers.';

function honestCase(index: number, random: () => number): DemoCase {
  const first = FIRST[Math.floor(random() * FIRST.length)];
  const last = LAST[Math.floor(random() * LAST.length)];
  const name = `${first} ${last}`;
  const region = REGIONS[index % REGIONS.length];
  const status = HONEST_STATUSES[index % HONEST_STATUSES.length];
  const handle = `${first}.${last}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  const decided = status === 'cleared' || status === 'escalated';
  const daysAgo = 3 + Math.floor(random() * 330);
  const suspicious = status === 'escalated';
  return {
    claimedName: name,
    resumeName: name,
    jobRole: ROLES[Math.floor(random() * ROLES.length)],
    region,
    source: SOURCES[index % SOURCES.length],
    email: `${handle}${index}@${['gmail.com', 'outlook.com', 'proton.me', 'fastmail.com'][index % 4]}`,
    phone: `${PHONE_PREFIX[region]} ${String(1000 + index).slice(-4)}`,
    status,
    daysAgo,
    decisionAfterDays: decided ? Math.min(daysAgo - 1, 4 + Math.floor(random() * 20)) : undefined,
    // Everyone who interviewed from the office came through the company VPN: on the benign list.
    extraIdentifiers: index % 5 === 0 ? [{ kind: 'ip', value: '198.51.100.10' }] : [{ kind: 'ip', value: `203.0.113.${10 + index}` }],
    indicators: suspicious
      ? [
          { code: 'work_history_unverifiable', evidence: 'Two of three previous employers have no record of the candidate.' },
          { code: 'refuses_in_person', evidence: 'Declined the on-site final round twice, citing travel.' },
          { code: 'payment_to_third_party', evidence: 'Asked for salary to be paid to a contractor entity in another name.' },
        ]
      : index % 7 === 3
        ? [{ code: 'sparse_online_presence', evidence: 'No public footprint beyond a two-month-old LinkedIn profile.' }]
        : [],
    interviews:
      status === 'open'
        ? []
        : [
            { daysAfter: 2, kind: 'recruiter_screen', nameUsed: name, observations: [], notes: 'Clear communication; relevant experience.' },
            { daysAfter: 5, kind: 'technical', nameUsed: name, observations: [], notes: 'Solid answers on concurrency and testing.' },
          ],
    proofing: decided || status === 'pending_decision'
      ? [
          { check: 'live_id_with_face', result: 'pass', note: 'Passport matched the face on camera.' },
          { check: 'local_knowledge', result: suspicious ? 'fail' : 'pass', note: suspicious ? 'Could not name the neighbourhood of the claimed home address.' : 'Answered naturally about the claimed city.' },
          { check: 'hand_over_face', result: 'pass', note: '' },
        ]
      : [],
    notes: status === 'open' ? [] : ['Routine screening; nothing unusual so far.'],
    rationale: suspicious
      ? 'Employment history could not be verified and salary was to go to a third party; local-knowledge check failed.'
      : HONEST_CLEAR_RATIONALE,
  };
}

/** The laptop-farm ring: five identities, one shipping address, overlapping phones, emails and IPs. */
function laptopFarmRing(): DemoCase[] {
  const farm = { kind: 'address' as const, value: '1427 Meadowbrook Lane, Apt 3, Nashville, TN 37211' };
  const vpn = { kind: 'ip' as const, value: '185.220.101.44' };
  const common = {
    jobRole: 'Senior Backend Engineer (Go)',
    source: 'job_board' as CandidateSource,
    proofing: [] as DemoCase['proofing'],
    notes: [] as string[],
  };
  return [
    {
      ...common,
      claimedName: 'Kevin Park',
      resumeName: 'Kevin Park',
      region: 'NA',
      email: 'kevin.park.dev@gmail.com',
      phone: '+1 615 555 0142',
      status: 'escalated',
      daysAgo: 120,
      decisionAfterDays: 21,
      extraIdentifiers: [farm, vpn, { kind: 'wallet', value: '0x52908400098527886E0F7030069857D2E4169EE7' }],
      indicators: [
        { code: 'email_on_flagged_list', evidence: 'Email appears in a peer exchange’s shared DPRK IT-worker list.' },
        { code: 'voice_switching', evidence: 'Voice changed audibly between the first and second half of the technical round.' },
        { code: 'remote_desktop_setup', evidence: 'Screen share showed a colocated Mac reached over remote desktop.' },
      ],
      interviews: [
        { daysAfter: 4, kind: 'recruiter_screen', nameUsed: 'Kevin Park', observations: ['high_latency'], notes: 'Two-second lag on every answer.' },
        { daysAfter: 9, kind: 'technical', nameUsed: 'Min-jun Park', observations: ['voice_switching', 'off_screen_prompting'], notes: 'Joined the call as "Min-jun"; eyes tracking a second screen.' },
        { daysAfter: 18, kind: 'final', nameUsed: 'Kevin Park', observations: ['camera_refused'], notes: 'Refused to hold ID next to face; could not answer local questions about Nashville.' },
      ],
      proofing: [
        { check: 'live_id_with_face', result: 'fail', note: 'Declined; camera "broken".' },
        { check: 'local_knowledge', result: 'fail', note: 'Did not know the area of the claimed home.' },
        { check: 'equipment_to_id_address', result: 'fail', note: 'Asked for the laptop to go to a different address than the ID.' },
      ],
      notes: ['Let the candidate advance to map the network. Shipping address matches a known laptop farm.'],
      rationale: 'Failed live ID and local-knowledge checks, switched names and voices, flagged email, laptop-farm shipping address: do not hire.',
    },
    {
      ...common,
      claimedName: 'Kevin Parker',
      resumeName: 'Kevin Parker',
      region: 'EU',
      email: 'kevinpark.dev@gmail.com',
      phone: '+1 615 555 0199',
      status: 'pending_decision',
      daysAgo: 40,
      extraIdentifiers: [farm, vpn],
      indicators: [{ code: 'laptop_shipping_redirect', evidence: 'Asked to ship equipment to the Nashville address, not the Berlin one on the résumé.' }],
      interviews: [{ daysAfter: 3, kind: 'technical', nameUsed: 'Kevin Parker', observations: ['camera_refused'], notes: 'Camera off for the whole call.' }],
    },
    {
      ...common,
      claimedName: 'Jason Lee',
      resumeName: 'Jason Lee',
      region: 'UK',
      email: 'jason.lee.eng@outlook.com',
      phone: '+1 615 555 0142',
      status: 'investigating',
      daysAgo: 25,
      extraIdentifiers: [vpn],
      indicators: [{ code: 'voip_phone', evidence: 'Phone number resolves to a VoIP carrier.' }],
      interviews: [{ daysAfter: 2, kind: 'recruiter_screen', nameUsed: 'Jay Lee', observations: ['high_latency'], notes: '' }],
    },
    {
      ...common,
      claimedName: 'Ryan Cho',
      resumeName: 'Ryan Cho',
      region: 'APAC',
      email: 'ryan.cho.sre+jobs@gmail.com',
      phone: '+1 615 555 0177',
      status: 'open',
      daysAgo: 6,
      extraIdentifiers: [farm],
      indicators: [],
      interviews: [],
    },
    {
      ...common,
      claimedName: 'Daniel Kim',
      resumeName: 'Daniel Kim',
      region: 'NA',
      email: 'k.e.v.i.n.park.dev@gmail.com',
      phone: '+1 615 555 0188',
      status: 'open',
      daysAgo: 2,
      extraIdentifiers: [],
      indicators: [],
      interviews: [],
    },
  ];
}

/** A smaller ring sharing a payout wallet and a device fingerprint. */
function walletRing(): DemoCase[] {
  const wallet = { kind: 'wallet' as const, value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' };
  const device = { kind: 'device' as const, value: 'fp-7c1e9a55d2' };
  const base = { source: 'agency' as CandidateSource, proofing: [] as DemoCase['proofing'], notes: [] as string[], interviews: [] as DemoCase['interviews'] };
  return [
    { ...base, claimedName: 'Alex Morgan', resumeName: 'Alexander Morgan', jobRole: 'Smart Contract Engineer', region: 'LATAM', email: 'alex.morgan.sol@proton.me', phone: '+55 11 5555 0311', status: 'escalated', daysAgo: 200, decisionAfterDays: 12, extraIdentifiers: [wallet, device], indicators: [{ code: 'payment_in_crypto', evidence: 'Asked to be paid in USDC to the wallet on file.' }, { code: 'github_history_faked', evidence: 'All commits back-dated in one push.' }], rationale: 'Payout wallet shared with another applicant, faked GitHub history; agency could not vouch: escalate.' },
    { ...base, claimedName: 'Chris Bailey', resumeName: 'Chris Bailey', jobRole: 'Smart Contract Engineer', region: 'MEA', email: 'c.bailey.web3@proton.me', phone: '+971 4 555 0312', status: 'investigating', daysAgo: 30, extraIdentifiers: [wallet], indicators: [{ code: 'payment_in_crypto', evidence: 'Requested crypto salary.' }] },
    { ...base, claimedName: 'Sam Rivera', resumeName: 'Sam Rivera', jobRole: 'Wallet Infrastructure Engineer', region: 'LATAM', email: 'sam.rivera.dev@fastmail.com', phone: '+55 11 5555 0313', status: 'open', daysAgo: 9, extraIdentifiers: [device], indicators: [] },
  ];
}

export function demoCases(): DemoCase[] {
  const random = mulberry32(20251125);
  const honest = Array.from({ length: 52 }, (_, i) => honestCase(i, random));
  return [...laptopFarmRing(), ...walletRing(), ...honest];
}

/** The company's own VPN exit: shared by honest applicants, so it must never link them. */
export const BENIGN_VALUES = [{ kind: 'ip' as const, value: '198.51.100.10', source: 'Company VPN exit (Frankfurt)' }];
