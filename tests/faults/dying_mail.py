"""An e-mail backend for worker processes started by the fault tests.

Each message is appended, as it goes out, to the file that ``FAULTS_MAIL_LOG``
names (one JSON line: recipient and Reply-To). Once the file holds
``FAULTS_DIE_AFTER`` lines, the process is killed with ``SIGKILL``: the last
message has gone out, and the worker has had no chance to record it as sent.
"""

import json
import os
import signal

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        path = os.environ["FAULTS_MAIL_LOG"]
        die_after = int(os.environ.get("FAULTS_DIE_AFTER") or 0)
        for message in messages:
            line = {"to": message.to[0], "reply_to": message.reply_to[0]}
            with open(path, "a") as log:
                log.write(json.dumps(line) + "\n")
                log.flush()
                os.fsync(log.fileno())
            with open(path) as log:
                if die_after and len(log.readlines()) >= die_after:
                    os.kill(os.getpid(), signal.SIGKILL)
        return len(messages)
