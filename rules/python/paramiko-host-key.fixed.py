import paramiko
from paramiko import WarningPolicy

client = paramiko.SSHClient()
# ruleid: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ruleid: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(RejectPolicy)
# ok: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ok: python-paramiko-missing-host-key-policy
client.load_system_host_keys()
# ok: python-paramiko-missing-host-key-policy
policy_name = "AutoAddPolicy"
