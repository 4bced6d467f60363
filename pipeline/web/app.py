"""The archive's web app (Starlette): routes, HTML or JSON for every page, errors as pages.

Routes (GET and HEAD only): ``/`` the front page, or the search results when a filter is given;
``/meeting/<id>``; ``/official/<person key>``, ``/cluster/<cluster key>``, ``/province/<name>``;
``/export.csv`` and ``/export.json`` (the current results, all of them, streamed); ``/static/…``.
Every page also answers as JSON, asked with ``Accept: application/json`` or a ``.json`` suffix
(``/index.json`` for ``/``). Every response carries :data:`SECURITY_HEADERS`, errors included; a
failure is logged as one line, never with the data folder's path shown to the user.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline.web import export, pages
from pipeline.web.entity_pages import PAGES, entity_page
from pipeline.web.page import Page, message_page, render

log = logging.getLogger("unionnews.web")

#: No inline script or style runs, whatever a scraped page holds.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATIC = {
    "style.css": "text/css; charset=utf-8",
    "meeting.js": "text/javascript; charset=utf-8",
}
METHODS = ["GET", "HEAD"]
ERRORS = {400: "Yêu cầu không hợp lệ.", 404: "Không có trang này.", 405: "Trang này chỉ đọc được (GET hoặc HEAD).",
          500: "Lỗi máy chủ: không hiển thị được trang này."}


class Guard:
    """Pure ASGI middleware around the whole app: security headers on every response; a ``.json``
    suffix turned into a JSON request; any exception logged as one line and answered with a 500 page
    (when no response has begun), never re-raised to the server (which would log a traceback)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.endswith(".json") and not path.startswith(("/static/", "/export")):
            path = path.removesuffix(".json")
            scope = {**scope, "path": "/" if path in ("/index", "") else path, "want_json": True}
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [header for header in self.headers if header[0] not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, guarded_send)
        except Exception as exc:  # noqa: BLE001  (the one place every failure ends up)
            log.error("%s %s failed: %s: %s", scope.get("method"), scope["path"][:200], type(exc).__name__,
                      str(exc).splitlines()[0][:200] if str(exc) else "")
            if not started:
                response = HTMLResponse(render(message_page(ERRORS[500], 500)), status_code=500)
                await response(scope, receive, guarded_send)


def wants_json(request: Request) -> bool:
    """Whether the client asked for JSON: a ``.json`` suffix, or ``application/json`` before any HTML."""
    if request.scope.get("want_json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and ("text/html" not in accept
                                              or accept.index("application/json") < accept.index("text/html"))


def respond(request: Request, page: Page) -> Response:
    """The page as HTML or as JSON, as the client asked."""
    if wants_json(request):
        body = json.dumps(page.data, ensure_ascii=False, default=str, separators=(",", ":"))
        return Response(body, status_code=page.status, media_type="application/json")
    return HTMLResponse(render(page), status_code=page.status)


def make_app(data_dir: Path) -> ASGIApp:
    """The web app over the archive of ``data_dir``."""
    data_dir = Path(data_dir)

    def front_or_search(request: Request) -> Response:
        return respond(request, pages.search_page(data_dir, dict(request.query_params)))

    def meeting(request: Request) -> Response:
        return respond(request, pages.meeting_page(data_dir, request.path_params["article_id"]))

    def entity(kind: str) -> Callable[[Request], Response]:
        def page(request: Request) -> Response:
            return respond(request, entity_page(kind, data_dir, request.path_params["key"], dict(request.query_params)))
        return page

    def export_results(request: Request) -> Response:
        return export.response(data_dir, dict(request.query_params), request.path_params["fmt"])

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise HTTPException(404)
        body = (Path(__file__).parent / name).read_bytes()
        return Response(body, media_type=STATIC[name], headers={"Cache-Control": "max-age=3600"})

    def error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        page = message_page(ERRORS.get(status, ERRORS[400]), status)
        response = respond(request, page)
        if status == 405:
            response.headers["Allow"] = ", ".join(METHODS)
        return response

    routes = [
        Route("/", front_or_search, methods=METHODS),
        Route("/meeting/{article_id}", meeting, methods=METHODS),
        *(Route(f"/{kind}/{{key}}", entity(kind), methods=METHODS) for kind in PAGES),
        Route("/export.{fmt}", export_results, methods=METHODS),
        Route("/static/{name}", static, methods=METHODS),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: error, Exception: error})
    return Guard(app)

