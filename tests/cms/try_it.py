"""The README's "Try it" commands, read from the README and run through the test client.

Each step is a fenced ``sh`` block after a ``<!-- try-it: NAME -->`` marker. Its
``curl`` commands are run as curl would send them, against the WSGI application
instead of the demo's server: a command that stops working fails its test.
"""

import re
import shlex
from pathlib import Path
from urllib.parse import urlencode

README = Path(__file__).resolve().parents[2] / "README.md"
BASE_URL = "http://127.0.0.1:8000"
STEP = re.compile(r"<!-- try-it: (?P<name>[\w-]+) -->\n```sh\n(?P<body>.*?)```", re.S)
# The one word a reader replaces: the token from the confirmation e-mail.
TOKEN_PLACEHOLDER = "PASTE-THE-TOKEN"


def steps():
    """``{step name: [argv, ...]}`` in the README's order."""
    found = {}
    for match in STEP.finditer(README.read_text()):
        body = match["body"].replace("\\\n", " ")
        found[match["name"]] = [
            argv
            for argv in (shlex.split(line, comments=True) for line in body.splitlines())
            if argv
        ]
    return found


def as_request(argv):
    """``(method, path, body, content type, headers)`` that curl sends for ``argv``."""
    assert argv[0] == "curl", argv
    method, url, get = None, None, False
    headers, data = {}, []
    args = iter(argv[1:])
    for arg in args:
        if arg == "-s":
            continue
        if arg == "-X":
            method = next(args)
        elif arg == "-H":
            name, value = next(args).split(":", 1)
            headers[name.strip().lower()] = value.strip()
        elif arg == "-d":
            data.append(next(args))
        elif arg == "--data-urlencode":
            name, value = next(args).split("=", 1)
            data.append(urlencode({name: value}))
        elif arg == "-G":
            get = True
        elif arg.startswith("-"):
            raise AssertionError(f"A curl option this test does not read: {arg}")
        else:
            url = arg
    assert url and url.startswith(f"{BASE_URL}/"), url
    path, body = url.removeprefix(BASE_URL), "&".join(data)
    if get:
        path, body = f"{path}{'&' if '?' in path else '?'}{body}", ""
    method = method or ("POST" if body else "GET")
    content_type = headers.pop("content-type", "application/x-www-form-urlencoded")
    return method, path, body, content_type, headers


def run(client, argv, **replace):
    """Send ``argv`` with ``client``; the answer must not be an error."""
    method, path, body, content_type, headers = as_request(argv)
    for placeholder, value in replace.items():
        body = body.replace(placeholder, value)
    response = client.generic(
        method, path, body.encode(), content_type=content_type, headers=headers
    )
    assert response.status_code < 400, (argv, response.status_code, response.content)
    return response
