/**
 * Infrastructure services: traffic every server has (name resolution, time, directory, management,
 * monitoring, backup). It is real, but it does not bind two servers to one migration move group.
 */

/**
 * Destination ports of shared infrastructure services. DNS 53, DHCP 67/68, NTP 123, Kerberos 88/464,
 * RPC/NetBIOS 135/137-139, LDAP/AD 389/636/3268/3269, SMB 445 (domain controllers' SYSVOL/NETLOGON),
 * SNMP 161/162, syslog 514/6514, the shared SMTP relay 25, remote administration SSH 22, RDP 3389, WinRM 5985/5986, monitoring
 * agents (Zabbix 10050/10051, NRPE 5666, SCOM 5723, Prometheus exporters 9100/9182, Splunk 8089/9997),
 * configuration management (SCCM 10123, WSUS 8530/8531, Puppet 8140, Salt 4505/4506) and backup
 * (NDMP 10000, NetBackup 1556/13724/13782, Commvault 8400-8403, Veeam 6160/6162/9392/10006).
 */
export const INFRASTRUCTURE_PORTS: ReadonlySet<number> = new Set([
  22, 25, 53, 67, 68, 88, 123, 135, 137, 138, 139, 161, 162, 389, 445, 464, 514, 636, 3268, 3269, 3389, 5666,
  5723, 5985, 5986, 6160, 6162, 6514, 8089, 8140, 8400, 8401, 8402, 8403, 8530, 8531, 9100, 9182, 9392, 9997,
  10000, 10006, 10050, 10051, 10123, 1556, 13724, 13782, 4505, 4506,
]);

/**
 * Process-name prefixes of directory, monitoring, security, backup and management tools (case-insensitive;
 * prefixes, so `VeeamGuestHelper.exe` or `zabbix_agentd` match).
 */
const INFRASTRUCTURE_PROCESS =
  /\b(dns\.exe|named|ntpd|chronyd|w32time|lsass|snmpd|rsyslog|syslog-ng|splunk|zabbix|nrpe|nscp|healthservice|monitoringhost|ccmexec|wsus|node_exporter|windows_exporter|datadog|dd-agent|newrelic|dynatrace|oneagent|nessus|qualys|tenable|csfalcon|crowdstrike|mcafee|ccsvchst|sophos|msmpeng|beremote|bpcd|bpinetd|vnetd|cvlaunchd|veeam|networker|sshd|termservice|winrm|puppet|salt-minion|chef-client)/i;

/**
 * True when a connection is shared-infrastructure traffic: its destination port is an infrastructure port
 * (see INFRASTRUCTURE_PORTS), or either side's process is a monitoring, backup, security or management tool.
 */
export function isInfrastructureService(
  port: number | null,
  destinationProcess?: string | null,
  sourceProcess?: string | null,
): boolean {
  if (port !== null && INFRASTRUCTURE_PORTS.has(port)) return true;
  return [destinationProcess, sourceProcess].some(
    (process) => typeof process === 'string' && INFRASTRUCTURE_PROCESS.test(process),
  );
}
