"""The local server behind ``argmap edit``: the map's page, with editing, on 127.0.0.1.

The page is the interactive page of :mod:`argmap.render.html` plus the editing
assets (``render/assets/edit.js``, ``edit.css``); its changes go to a small JSON
API that :class:`argmap.editing.MapEditor` carries out on the map file.

Security
--------
The server listens on 127.0.0.1 only, on a random port unless one is given, and
makes a random token for each run (``secrets.token_urlsafe``, 192 bits). Every
request must carry it — the page in its URL (``/?token=…``), the API calls in the
``X-Argmap-Token`` header — or it is refused with 403. A request whose ``Host`` is
not this address (DNS rebinding) or whose ``Origin`` is another site is refused
too; changes must be JSON ``POST`` s, which a form on another site cannot send.
Responses are not cached and send no referrer, so the token does not leak.

Routing and requests use bottle (one small, dependency-free module); the HTTP
server is the standard library's WSGI server, one thread per request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .errors import ArgmapError

if TYPE_CHECKING:  # pragma: no cover
    from .model import ArgumentMap

__all__ = ["EditServer", "edit_page"]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


def _asset(name: str) -> str:
    return resources.files("argmap.render").joinpath("assets", name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def edit_page(page: str, *, live: bool = True, editing: bool = True) -> str:
    """Add the editing (and live-reload) assets to an interactive page from :func:`~argmap.render.html.to_html`.

    The page's Content-Security-Policy is widened by exactly the added script and
    style (by hash) and by ``connect-src 'self'``, so the page may call its own
    server and nothing else.
    """
    scripts = [_asset("live.js")] + ([_asset("edit.js")] if editing else [])
    style = _asset("edit.css") if editing else ""
    m = re.search(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)', page)
    if m is None or "script-src" not in m.group(2):
        raise ArgmapError("the page has no Content-Security-Policy to extend (render/html.py changed?)")
    csp = m.group(2)
    csp = re.sub(r"script-src ([^;]*)", lambda s: "script-src " + s.group(1) + " " +
                 " ".join(_hash(t) for t in scripts), csp, count=1)
    if style:
        csp = re.sub(r"style-src ([^;]*)", lambda s: "style-src " + s.group(1) + " " + _hash(style), csp, count=1)
    csp = csp.replace("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
    page = page[:m.start(2)] + csp + page[m.end(2):]
    extra = (f"<style>{style}</style>\n" if style else "") + "\n".join(f"<script>{t}</script>" for t in scripts)
    at = page.rfind("</body>")
    return page[:at] + extra + "\n" + page[at:]


class EditServer:
    """Serve one map's page (with editing unless *editing* is False) until :meth:`stop`.

    Parameters
    ----------
    map_path : str or Path
        A native map file.
    port : int
        0 for a random free port.
    editing : bool
        False serves the page read-only, reloading itself when the files change
        (``argmap html --watch``).
    fmt : str, optional
        The map's format name when its suffix does not say (read-only pages).
    read_options : dict, optional
        Passed to the map's reader (read-only pages of an Argdown map: ``speaker_from``).
    build : callable, optional
        Makes the page's HTML from the loaded map (default
        :func:`~argmap.render.html.to_html` with its defaults); ``argmap html --watch``
        passes one with the statuses it was asked for.
    """

    def __init__(self, map_path: str | Path, *, port: int = 0, editing: bool = True,
                 fmt: str | None = None, build: Callable[[ArgumentMap], str] | None = None,
                 read_options: dict[str, Any] | None = None) -> None:
        from .editing import MapEditor

        self.map_path = Path(map_path)
        self.editing = editing
        self.fmt = fmt
        self.read_options = dict(read_options or {})
        self.editor = MapEditor(self.map_path) if editing else None
        self.build = build
        self.token = secrets.token_urlsafe(24)
        self._httpd = make_server("127.0.0.1", port, self._app(), server_class=_Server,
                                  handler_class=_QuietHandler)
        self.port = self._httpd.server_address[1]
        self._thread: threading.Thread | None = None
        self._page_cache: tuple[Any, str] | None = None

    @property
    def url(self) -> str:
        """The page's address, token included."""
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    # -- what the page shows ----------------------------------------------------
    def files(self) -> list[Path]:
        """The map and (when it loads) its source files."""
        files = [self.map_path]
        try:
            from .api import load

            amap = load(self.map_path, self.fmt, **self.read_options)
            files += [amap.source_path(s) for s in amap.sources]
        except ArgmapError:
            pass
        return files

    def version(self) -> str:
        """A stamp of the map's and sources' files; it changes on every save."""
        from .watch import snapshot

        return hashlib.sha256(repr(sorted(snapshot(self.files()).items())).encode()).hexdigest()[:16]

    def page(self) -> str:
        """The HTML of the page for the map as it is now (an error page when it does not load)."""
        import html as html_module

        version = self.version()
        if self._page_cache and self._page_cache[0] == version:
            return self._page_cache[1]
        from .api import load
        from .render.html import to_html

        try:
            amap = load(self.map_path, self.fmt, **self.read_options)
            page = (self.build or to_html)(amap)
        except ArgmapError as exc:
            problems = "".join(f"<li>{html_module.escape(str(p))}</li>"
                               for p in getattr(exc, "errors", None) or [exc])
            page = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                    'script-src; style-src">'
                    f'<title>argmap: problems</title></head><body><h1>The map does not load</h1>'
                    f'<ul id="problems">{problems}</ul><p>Fix the file and save: this page reloads '
                    'itself.</p></body></html>')
            page = edit_page(page, editing=False)
        else:
            page = edit_page(page, editing=self.editing)
        self._page_cache = (version, page)
        return page

    def state(self) -> dict[str, Any]:
        """The map as the editing script needs it, with ``check``'s problems."""
        from .formats import native
        from .model import CLAIM_KINDS, RELATION_TYPES

        text = self.map_path.read_text(encoding="utf-8-sig")
        syntax = "json" if self.map_path.suffix.lower() == ".json" else "yaml"
        parsed = native.parse(text, path=self.map_path, syntax=syntax)
        problems = [str(p) for p in list(parsed.errors) + list(parsed.advisories)]
        amap = parsed.map
        data: dict[str, Any] = {"version": self.version(), "problems": problems, "kinds": list(CLAIM_KINDS),
                                "types": list(RELATION_TYPES), "ok": amap is not None}
        if amap is None:
            return data
        data.update({
            "speakers": [{"id": s.id, "name": s.name} for s in amap.speakers],
            "sources": [s.id for s in amap.sources],
            "claims": [{"id": c.id, "speaker": c.speaker, "kind": c.kind, "text": c.text, "quote": c.quote,
                        "source": c.source} for c in amap.claims],
            "arguments": [{"id": a.id, "premises": list(a.premises), "conclusion": a.conclusion}
                          for a in getattr(amap, "arguments", ())],
            "relations": [{"from": r.from_id, "to": r.to_id, "type": r.type} for r in amap.relations],
        })
        return data

    # -- the WSGI application ---------------------------------------------------
    def _app(self) -> Any:
        import bottle

        app = bottle.Bottle()
        allowed_hosts: set[str] = set()

        def hosts() -> set[str]:
            if not allowed_hosts:
                allowed_hosts.update({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})
            return allowed_hosts

        def refuse(status: int, message: str) -> str:
            bottle.response.status = status
            bottle.response.content_type = "application/json"
            return json.dumps({"error": message})

        @app.hook("after_request")
        def headers() -> None:
            bottle.response.set_header("Cache-Control", "no-store")
            bottle.response.set_header("Referrer-Policy", "no-referrer")
            bottle.response.set_header("X-Content-Type-Options", "nosniff")
            bottle.response.set_header("X-Frame-Options", "DENY")

        def guarded(func: Any) -> Any:
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                req = bottle.request
                if req.get_header("Host") not in hosts():
                    return refuse(403, "wrong host")
                origin = req.get_header("Origin")
                if origin is not None and origin not in {f"http://{h}" for h in hosts()}:
                    return refuse(403, "requests from other sites are refused")
                given = req.get_header("X-Argmap-Token") or req.query.get("token") or ""
                if not hmac.compare_digest(given.encode(), self.token.encode()):
                    return refuse(403, "missing or wrong token (open the URL argmap printed)")
                if req.method == "POST":
                    if not req.get_header("X-Argmap-Token"):
                        return refuse(403, "changes need the X-Argmap-Token header")
                    if (req.content_type or "").split(";")[0].strip() != "application/json":
                        return refuse(415, "changes are sent as JSON")
                return func(*args, **kwargs)
            return wrapper

        def answer(work: Any) -> str:
            bottle.response.content_type = "application/json"
            try:
                change = work()
            except ArgmapError as exc:
                bottle.response.status = 422
                return json.dumps({"error": str(exc), "state": self.state()}, ensure_ascii=False)
            return json.dumps({"id": change.id, "summary": change.summary, "state": self.state()},
                              ensure_ascii=False)

        def body() -> dict[str, Any]:
            try:
                data = json.loads(bottle.request.body.read().decode("utf-8") or "{}")
            except (ValueError, UnicodeDecodeError):
                data = None
            if not isinstance(data, dict):
                raise ArgmapError("the request body must be a JSON object")
            return data

        def need_editing() -> None:
            if self.editor is None:
                raise ArgmapError("this page is read-only")

        @app.get("/")
        @guarded
        def index() -> str:
            bottle.response.content_type = "text/html; charset=utf-8"
            return self.page()

        @app.get("/api/state")
        @guarded
        def get_state() -> str:
            bottle.response.content_type = "application/json"
            return json.dumps(self.state(), ensure_ascii=False)

        @app.get("/api/version")
        @guarded
        def get_version() -> str:
            bottle.response.content_type = "application/json"
            return json.dumps({"version": self.version()})

        @app.post("/api/claims")
        @guarded
        def new_claim() -> str:
            def work() -> Any:
                need_editing()
                d = body()
                return self.editor.add_claim(  # type: ignore[union-attr]
                    speaker=str(d.get("speaker", "")), kind=str(d.get("kind") or "claim"),
                    text=d.get("text"), source=d.get("source"), start=_int(d.get("start")),
                    end=_int(d.get("end")), newlines="lf")
            return answer(work)

        @app.post("/api/claims/<claim_id>")
        @guarded
        def edit_claim(claim_id: str) -> str:
            def work() -> Any:
                need_editing()
                d = body()
                if d.get("delete"):
                    return self.editor.delete_claim(claim_id)  # type: ignore[union-attr]
                return self.editor.update_claim(claim_id, speaker=d.get("speaker"),  # type: ignore[union-attr]
                                                kind=d.get("kind"), text=d.get("text"))
            return answer(work)

        @app.post("/api/relations")
        @guarded
        def relation() -> str:
            def work() -> Any:
                need_editing()
                d = body()
                if d.get("delete"):
                    return self.editor.delete_relation(str(d.get("from")), str(d.get("to")))  # type: ignore[union-attr]
                return self.editor.add_relation(str(d.get("from")), str(d.get("to")),  # type: ignore[union-attr]
                                                str(d.get("type")))
            return answer(work)

        @app.error(404)
        @app.error(405)
        def not_found(error: Any) -> str:
            bottle.response.content_type = "application/json"
            return json.dumps({"error": "not found"})

        return app

    # -- running -------------------------------------------------------------
    def start(self) -> EditServer:
        """Serve in a background thread (tests); returns self."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted."""
        self._httpd.serve_forever()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgmapError("start and end must be whole numbers (offsets into the source text)")
    return value
