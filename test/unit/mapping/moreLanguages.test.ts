import { describe, expect, it } from 'vitest';
import { analyzeHeader, mapColumns } from '#domain/mapping/index.ts';
import { columns, targets } from './helpers.ts';

const NAMES = ['srv-app01', 'srv-db02', 'srv-web03'];

describe('Italian, Portuguese and Dutch inventory headers', () => {
  it('maps the columns of an Italian CMDB export', () => {
    // Prepare
    const table = columns([
      ['Nome server', NAMES],
      ['Indirizzo IP', ['10.1.1.5', '10.1.1.6']],
      ['Versione SO', ['1607', '8.7']],
      ['Numero di core', ['4', '8']],
      ['Spazio disco utilizzato (GB)', ['120', '300']],
      ['Host fisico', ['esx01.azienda.local', 'esx02.azienda.local']],
      ['Referente tecnico', ['Team Sistemi', 'Mario Rossi']],
      ['Responsabile di business', ['Giulia Bianchi', 'Luca Verdi']],
      ['Unità organizzativa', ['Amministrazione', 'Risorse Umane']],
      ['Matricola', ['CZJ84702LQ', '7XK2M93']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      'Nome server': 'name',
      'Indirizzo IP': 'ipAddress',
      'Versione SO': 'osVersion',
      'Numero di core': 'cpuCores',
      'Spazio disco utilizzato (GB)': 'storageUsedGb',
      'Host fisico': 'hypervisorHost',
      'Referente tecnico': 'technicalOwner',
      'Responsabile di business': 'businessOwner',
      'Unità organizzativa': 'department',
      Matricola: 'serialNumber',
    });
  });

  it('maps the columns of a Brazilian Portuguese CMDB export', () => {
    // Prepare
    const table = columns([
      ['Código do ativo', ['AT-000123', 'AT-000456']],
      ['Nome do servidor', NAMES],
      ['Nome do host', NAMES],
      ['Endereço IP', ['10.1.1.5', '10.1.1.6']],
      ['Quantidade de vCPUs', ['4', '8']],
      ['Uso médio de CPU (%)', ['23', '61']],
      ['Gestor do negócio', ['Ana Souza', 'Carlos Lima']],
      ['Situação', ['Em produção', 'Desativado']],
      ['Dependências', ['SRVBD02, SRVAD01', '']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      'Código do ativo': 'externalId',
      'Nome do servidor': 'name',
      'Nome do host': 'hostname',
      'Endereço IP': 'ipAddress',
      'Quantidade de vCPUs': 'cpuCores',
      'Uso médio de CPU (%)': 'cpuUtilizationPct',
      'Gestor do negócio': 'businessOwner',
      Situação: 'status',
      Dependências: 'dependsOn',
    });
  });

  it('maps the columns of a Dutch CMDB export, including glued Dutch compounds', () => {
    // Prepare
    const table = columns([
      ['Servernaam', NAMES],
      ['IP-adres', ['10.1.1.5', '10.1.1.6']],
      ['Soort', ['Fysieke server', 'Virtuele machine']],
      ['Aantal processorkernen', ['4', '8']],
      ['Werkgeheugen (GB)', ['16', '64']],
      ['Rekencentrum', ['DC Amsterdam', 'DC Eindhoven']],
      ['Kostenplaats', ['KP-1001', 'KP-2040']],
      ['Beheerder', ['Team Infra', 'Team Windows']],
      ['Migratiestrategie', ['Rehost', 'Retire']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      Servernaam: 'name',
      'IP-adres': 'ipAddress',
      Soort: 'assetType',
      'Aantal processorkernen': 'cpuCores',
      'Werkgeheugen (GB)': 'memoryGb',
      Rekencentrum: 'datacenter',
      Kostenplaats: 'costCenter',
      Beheerder: 'technicalOwner',
      Migratiestrategie: 'migrationStrategy',
    });
  });

  it('drops the prepositions of these languages instead of reading them as words', () => {
    // Act
    const purchase = analyzeHeader('Data da compra');
    const version = analyzeHeader('Versão do SO');
    // Assess
    expect(purchase.tokens).not.toContain('destination');
    expect(version.tokens).toEqual(['version', 'os']);
  });
});
