import logging.config
import socketserver

# ruleid: python-logging-config-listen
listener = logging.config.listen(9030)
# ruleid: python-logging-config-listen
listener = logging.config.listen()
# ok: python-logging-config-listen
listener = logging.config.listen(9030, verify=check_hmac_signature)
# ok: python-logging-config-listen
server.listen(5)
# ok: python-logging-config-listen
logging.config.dictConfig(LOGGING)
