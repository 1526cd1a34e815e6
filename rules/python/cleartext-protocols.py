import ftplib
import telnetlib
from ftplib import FTP

from pysnmp.hlapi import CommunityData, UsmUserData


def legacy(host, user, password, auth_key, priv_key):
    # ruleid: python-telnet-cleartext
    tn = telnetlib.Telnet(host, 23, timeout=10)
    # ok: python-telnet-cleartext
    tn_log = TelnetLog(host)

    # ruleid: python-ftp-cleartext
    ftp = ftplib.FTP(host)
    # ruleid: python-ftp-cleartext
    ftp2 = FTP(host, user, password)
    # ok: python-ftp-cleartext
    ftps = ftplib.FTP_TLS(host)
    # ok: python-ftp-cleartext
    mirror = sftp.FTP(host)

    # ruleid: python-snmp-cleartext
    community = CommunityData("public", mpModel=1)
    # ruleid: python-snmp-cleartext
    noauth = UsmUserData("monitor")
    # ok: python-snmp-cleartext
    secure = UsmUserData("monitor", auth_key, priv_key)
    return tn, tn_log, ftp, ftp2, ftps, mirror, community, noauth, secure
