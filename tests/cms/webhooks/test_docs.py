"""The verification code that docs/webhooks.md gives front-ends works, in both languages."""

import re
import shutil
import subprocess
import time

import pytest

from cms.webhooks.signing import signature_header

from .receiver import DOCS, docs_code, docs_verify

SECRET = "a long random string"  # the one docs/webhooks.md's example is signed with
BODY = b'{"event":"published","pages":[]}'


def documented_request():
    text = DOCS.read_text()
    header = re.search(r"X-Casebook-Signature: (\S+)", text)[1]
    body = re.search(r'\n\n(\{"event".*\})\n```', text)[1].encode()
    return header, body


@pytest.fixture
def verify():
    return docs_verify()


def test_python_accepts_a_fresh_signature_and_refuses_tampering(verify):
    now = int(time.time())
    header = signature_header(SECRET, now, BODY)
    assert verify(SECRET, BODY, header)
    assert not verify("another secret", BODY, header)
    assert not verify(SECRET, BODY + b" ", header)
    assert not verify(SECRET, BODY, header.replace(f"t={now}", f"t={now + 1}"))
    for garbled in ("", "t=1", "v1=ab", "t=x,v1=ab", "nonsense"):
        assert not verify(SECRET, BODY, garbled)


def test_python_refuses_a_replay_older_than_five_minutes(verify):
    now = int(time.time())
    header = signature_header(SECRET, now - 301, BODY)
    assert not verify(SECRET, BODY, header)
    assert verify(SECRET, BODY, signature_header(SECRET, now - 299, BODY))


def test_the_documented_example_is_signed_as_documented(verify):
    header, body = documented_request()
    timestamp = int(header.split(",")[0].removeprefix("t="))
    assert header == signature_header(SECRET, timestamp, body)
    assert verify(SECRET, body, header, now=timestamp + 10)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_javascript_accepts_fresh_and_refuses_replayed_or_forged(tmp_path):
    now = int(time.time())
    cases = {
        "fresh": signature_header(SECRET, now, BODY),
        "replayed": signature_header(SECRET, now - 301, BODY),
        "forged": signature_header("another secret", now, BODY),
        "garbled": "t=1,v1=zz",
    }
    (tmp_path / "verify.mjs").write_text(docs_code("javascript"))
    script = "\n".join(
        [
            'import { verify } from "./verify.mjs";',
            f"const body = Buffer.from({BODY.decode()!r});",
            *(
                f'console.log("{name}", verify({SECRET!r}, body, {header!r}));'
                for name, header in cases.items()
            ),
        ]
    )
    (tmp_path / "run.mjs").write_text(script)
    result = subprocess.run(
        ["node", "run.mjs"],  # noqa: S607
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split("\n")[:4] == [
        "fresh true",
        "replayed false",
        "forged false",
        "garbled false",
    ]
