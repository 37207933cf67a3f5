/**
 * Small lookup tables that turn what exports write instead of a version number into one:
 * Ubuntu and Debian code names, and Windows build numbers (as in "10.0.17763").
 */

const UBUNTU: Readonly<Record<string, string>> = {
  warty: '4.10',
  hoary: '5.04',
  breezy: '5.10',
  dapper: '6.06',
  edgy: '6.10',
  feisty: '7.04',
  gutsy: '7.10',
  hardy: '8.04',
  intrepid: '8.10',
  jaunty: '9.04',
  karmic: '9.10',
  lucid: '10.04',
  maverick: '10.10',
  natty: '11.04',
  oneiric: '11.10',
  precise: '12.04',
  quantal: '12.10',
  raring: '13.04',
  saucy: '13.10',
  trusty: '14.04',
  utopic: '14.10',
  vivid: '15.04',
  wily: '15.10',
  xenial: '16.04',
  yakkety: '16.10',
  zesty: '17.04',
  artful: '17.10',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
};

const DEBIAN: Readonly<Record<string, string>> = {
  hamm: '2.0',
  slink: '2.1',
  potato: '2.2',
  woody: '3.0',
  sarge: '3.1',
  etch: '4',
  lenny: '5',
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
};

/** Ubuntu release of a code name ("Bionic", "focal fossa"), or null. */
export function ubuntuVersionOfCodename(text: string): string | null {
  return UBUNTU[text.trim().toLowerCase().split(/\s+/)[0] ?? ''] ?? null;
}

/** Debian release of a code name ("buster"), or null. */
export function debianVersionOfCodename(text: string): string | null {
  return DEBIAN[text.trim().toLowerCase().split(/\s+/)[0] ?? ''] ?? null;
}

const SERVER_BUILDS: Readonly<Record<string, string>> = {
  '5.0.2195': '2000',
  '5.2.3790': '2003',
  '6.0.6001': '2008',
  '6.0.6002': '2008',
  '6.0.6003': '2008',
  '6.1.7600': '2008 R2',
  '6.1.7601': '2008 R2',
  '6.2.9200': '2012',
  '6.3.9600': '2012 R2',
  '10.0.14393': '2016',
  '10.0.17763': '2019',
  '10.0.20348': '2022',
  '10.0.26100': '2025',
};

const CLIENT_BUILDS: Readonly<Record<string, string>> = {
  '5.1.2600': 'XP',
  '6.0.6002': 'Vista',
  '6.1.7601': '7',
  '6.2.9200': '8',
  '6.3.9600': '8.1',
  '10.0.10240': '10 1507',
  '10.0.10586': '10 1511',
  '10.0.14393': '10 1607',
  '10.0.15063': '10 1703',
  '10.0.16299': '10 1709',
  '10.0.17134': '10 1803',
  '10.0.17763': '10 1809',
  '10.0.18362': '10 1903',
  '10.0.18363': '10 1909',
  '10.0.19041': '10 2004',
  '10.0.19042': '10 20H2',
  '10.0.19043': '10 21H1',
  '10.0.19044': '10 21H2',
  '10.0.19045': '10 22H2',
  '10.0.22000': '11 21H2',
  '10.0.22621': '11 22H2',
  '10.0.22631': '11 23H2',
  '10.0.26100': '11 24H2',
};

const BUILD = /^(\d+\.\d+\.\d+)/;

/** Windows release of a build number ("10.0.17763.1234" → "2019" for servers, "10 1809" for clients), or null. */
export function windowsVersionOfBuild(text: string, product: 'Windows Server' | 'Windows'): string | null {
  const build = BUILD.exec(text.trim())?.[1];
  if (build === undefined) return null;
  return (product === 'Windows Server' ? SERVER_BUILDS : CLIENT_BUILDS)[build] ?? null;
}
