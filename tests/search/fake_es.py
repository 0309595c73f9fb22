"""A fake Elasticsearch node for the real ``elasticsearch.Elasticsearch`` client.

The client, its serializers, the bulk helpers and ``elasticsearch.dsl`` all run for
real; only the HTTP exchange is replaced. Every request is recorded (method, path,
query, headers, decoded body) and answered with a response shaped like the ones an
Elasticsearch 8 node sends, including the ``X-Elastic-Product`` header the client
insists on. Set ``cluster.down = True`` to answer with connection errors.
"""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node import NodeApiResponse

PRODUCT_HEADERS = {
    "X-Elastic-Product": "Elasticsearch",
    "content-type": "application/vnd.elasticsearch+json;compatible-with=8",
}


@dataclass
class Request:
    method: str
    path: str
    params: dict
    headers: dict
    body: object


@dataclass
class FakeCluster:
    plugins: list = field(default_factory=list)
    down: bool = False
    requests: list = field(default_factory=list)
    aliases: dict = field(default_factory=dict)  # alias -> concrete index
    indices: dict = field(default_factory=dict)  # index -> {id: source}
    search_response: dict | None = None

    def paths(self, method=None):
        return [r.path for r in self.requests if method is None or r.method == method]

    def find(self, method, pattern):
        return [
            r
            for r in self.requests
            if r.method == method and re.fullmatch(pattern, r.path)
        ]

    def documents(self, alias):
        return self.indices.get(self.aliases.get(alias, alias), {})

    def respond(self, request):
        method, path, body = request.method, request.path, request.body
        if path == "/_nodes/plugins":
            return 200, {"nodes": {"n1": {"name": "n1", "plugins": self.plugins}}}
        if path.startswith("/_alias/"):
            name = path[len("/_alias/") :]
            if name not in self.aliases:
                return 404, {"error": f"alias [{name}] missing", "status": 404}
            return 200, {self.aliases[name]: {"aliases": {name: {}}}}
        if path == "/_bulk":
            return 200, self.bulk(body)
        if path == "/_aliases":
            for action in body["actions"]:
                ((kind, spec),) = action.items()
                if kind == "add":
                    self.aliases[spec["alias"]] = spec["index"]
                elif kind == "remove_index":
                    self.indices.pop(spec["index"])
            return 200, {"acknowledged": True}
        parts = path.strip("/").split("/")
        if method == "PUT" and len(parts) == 1:
            self.indices[parts[0]] = {}
            for alias in (body or {}).get("aliases", {}):
                self.aliases[alias] = parts[0]
            return 200, {
                "acknowledged": True,
                "shards_acknowledged": True,
                "index": parts[0],
            }
        if method == "HEAD" and len(parts) == 1:
            return (200 if parts[0] in self.indices else 404), {}
        if method == "DELETE" and len(parts) == 1:
            for name in parts[0].split(","):
                del self.indices[name]
            return 200, {"acknowledged": True}
        if method == "PUT" and len(parts) == 3 and parts[1] == "_doc":
            self.documents(parts[0])[parts[2]] = body
            return 201, {"_index": parts[0], "_id": parts[2], "result": "created"}
        if method == "GET" and len(parts) == 2 and parts[1] == "_alias":
            return 200, {
                self.aliases[a]: {"aliases": {a: {}}}
                for a in self.aliases
                if a == parts[0]
            }
        if parts[-1] == "_count":
            return 200, {"count": len(self.documents(parts[0]))}
        if parts[-1] == "_search":
            return 200, self.search_response or self.search_all(parts[0])
        if parts[-1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return 404, {
            "error": {"type": "fake_not_implemented", "reason": path},
            "status": 404,
        }

    def bulk(self, lines):
        items = []
        pairs = iter(lines)
        for action in pairs:
            ((kind, meta),) = action.items()
            docs = self.indices.get(self.aliases.get(meta["_index"], meta["_index"]))
            if kind == "delete":
                if docs is None:
                    error = {"type": "index_not_found_exception"}
                    items.append({kind: {**meta, "status": 404, "error": error}})
                    continue
                found = docs.pop(meta["_id"], None) is not None
                result = "deleted" if found else "not_found"
                items.append(
                    {kind: {**meta, "status": 200 if found else 404, "result": result}}
                )
            else:
                source = next(pairs)
                if docs is not None:
                    docs[meta["_id"]] = source
                items.append({kind: {**meta, "status": 201, "result": "created"}})
        return {"took": 1, "errors": False, "items": items}

    def search_all(self, index):
        hits = [
            {
                "_index": index,
                "_id": pk,
                "_score": 1.0,
                "_source": source,
                "sort": [1.0, int(pk)],
            }
            for pk, source in sorted(self.documents(index).items())
        ]
        return {
            "took": 1,
            "timed_out": False,
            "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": hits},
        }


CURRENT = {"cluster": FakeCluster()}


def decode(body, target):
    if not body:
        return None
    text = body.decode()
    if target.startswith("/_bulk") or "/_bulk" in target:
        return [json.loads(line) for line in text.splitlines() if line]
    return json.loads(text)


class FakeNode(BaseNode):
    """An ``elastic_transport`` node that answers from ``CURRENT["cluster"]``."""

    _CLIENT_META_HTTP_CLIENT = ("fake", "1.0")

    def perform_request(
        self, method, target, body=None, headers=None, request_timeout=None
    ):
        cluster = CURRENT["cluster"]
        url = urlsplit(target)
        all_headers = {**self.headers, **(headers or {})}
        request = Request(
            method, url.path, parse_qs(url.query), all_headers, decode(body, target)
        )
        cluster.requests.append(request)
        if cluster.down:
            raise TransportConnectionError("Connection refused (fake cluster is down)")
        status, payload = cluster.respond(request)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(PRODUCT_HEADERS),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(
            meta, json.dumps(payload).encode() if method != "HEAD" else b""
        )

    def close(self):
        pass
