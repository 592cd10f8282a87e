"""Where Elasticsearch is and how to log in: one settings object, read from a mapping.

Standard library only, so ``scripts/es.py`` (which runs before the virtualenv exists)
shares it with the indexer, the service, the benchmarks and the tests.

The mapping is ``os.environ`` for the command lines and the Flask config for the
service; the keys are the environment variable names:

``ELASTICSEARCH_URL``          one URL or several, comma-separated (``http://a:9200,http://b:9200``);
                              a URL may carry ``user:password@`` (moved out of the URL here)
``ELASTICSEARCH_USERNAME`` / ``ELASTICSEARCH_PASSWORD``   basic authentication (wins over the URL's)
``ELASTICSEARCH_API_KEY``      an API key, ``id:key`` or the base64 ``encoded`` form
``ELASTICSEARCH_CA_CERTS``     a PEM bundle to verify the cluster's certificate with
``ELASTICSEARCH_VERIFY_CERTS`` ``false`` to skip certificate verification (default ``true``)

Credentials are kept out of the URLs the client sees, and ``Settings.display`` /
``redact`` are what messages and logs show, so a password never reaches either.
"""
from __future__ import annotations

import base64
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

DEFAULT_URL = "http://127.0.0.1:9200"
URL_KEY = "ELASTICSEARCH_URL"
USERNAME_KEY = "ELASTICSEARCH_USERNAME"
PASSWORD_KEY = "ELASTICSEARCH_PASSWORD"
API_KEY_KEY = "ELASTICSEARCH_API_KEY"
CA_CERTS_KEY = "ELASTICSEARCH_CA_CERTS"
VERIFY_CERTS_KEY = "ELASTICSEARCH_VERIFY_CERTS"
SETTING_KEYS = (URL_KEY, USERNAME_KEY, PASSWORD_KEY, API_KEY_KEY, CA_CERTS_KEY, VERIFY_CERTS_KEY)
REDACTED = "***"
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting that cannot be used; the message never contains a credential."""


@dataclass(frozen=True)
class Settings:
    """Connection settings; ``urls`` carry no credentials."""

    urls: tuple[str, ...] = (DEFAULT_URL,)
    username: str | None = None
    password: str | None = None
    api_key: str | None = None
    ca_certs: str | None = None
    verify_certs: bool = True

    @classmethod
    def from_mapping(cls, values: Mapping) -> Settings:
        """Settings from ``os.environ`` or a Flask config (empty values count as unset)."""
        def get(key: str) -> str | None:
            value = values.get(key)
            return str(value).strip() if value not in (None, "") and str(value).strip() else None

        urls, url_user, url_password = split_urls(get(URL_KEY) or DEFAULT_URL)
        username = get(USERNAME_KEY) or url_user
        password = get(PASSWORD_KEY) if get(USERNAME_KEY) else url_password
        api_key = get(API_KEY_KEY)
        if api_key and username:
            raise SettingsError(f"set either {API_KEY_KEY} or a user name and password, not both")
        if username and password is None:
            raise SettingsError(f"a user name is set but no password ({PASSWORD_KEY})")
        return cls(urls=urls, username=username, password=password, api_key=api_key,
                   ca_certs=get(CA_CERTS_KEY), verify_certs=parse_bool(get(VERIFY_CERTS_KEY), True))

    @property
    def display(self) -> str:
        """The URLs for messages (they never carry credentials) and how we log in."""
        how = ("API key" if self.api_key else f"user {self.username}" if self.username else None)
        return ",".join(self.urls) + (f" ({how})" if how else "")

    def auth_header(self) -> str | None:
        """The ``Authorization`` header value for plain HTTP clients (scripts/es.py)."""
        if self.api_key:
            key = self.api_key
            if ":" in key:
                key = base64.b64encode(key.encode()).decode()
            return f"ApiKey {key}"
        if self.username:
            pair = f"{self.username}:{self.password}".encode()
            return f"Basic {base64.b64encode(pair).decode()}"
        return None

    def ssl_context(self) -> ssl.SSLContext | None:
        """The TLS context for plain HTTP clients, None when no URL is https."""
        if not any(url.startswith("https:") for url in self.urls):
            return None
        context = ssl.create_default_context(cafile=self.ca_certs)
        if not self.verify_certs:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


def parse_bool(text: str | None, default: bool) -> bool:
    if text is None:
        return default
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise SettingsError(f"{VERIFY_CERTS_KEY} must be true or false, got {text!r}")


def split_urls(text: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """(URLs without credentials, user, password) from a comma-separated list.

    Every URL needs a scheme and a host; credentials, if several URLs carry them, must agree.
    """
    urls, credentials = [], set()
    for raw in (part.strip() for part in text.split(",")):
        if not raw:
            continue
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingsError(f"{URL_KEY}: not an http(s) URL with a host: {redact(raw)!r}")
        try:
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            raise SettingsError(f"{URL_KEY}: bad port in {redact(raw)!r}") from None
        if parts.username is not None:
            credentials.add((unquote(parts.username), unquote(parts.password or "")))
        host = parts.netloc.rpartition("@")[2]
        urls.append(urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", "")))
    if not urls:
        raise SettingsError(f"{URL_KEY} holds no URL")
    if len(credentials) > 1:
        raise SettingsError(f"{URL_KEY}: the URLs carry different credentials")
    user, password = next(iter(credentials)) if credentials else (None, None)
    return tuple(urls), user, password


def redact(text: str) -> str:
    """``text`` with the ``user:password@`` part of every URL in it replaced by ***."""
    out = []
    for part in text.split(","):
        scheme, sep, rest = part.partition("://")
        if not sep:
            scheme, rest = "", part
        if "@" in rest:  # everything up to the last @, even a password holding / or @
            rest = REDACTED + "@" + rest.rpartition("@")[2]
        out.append(scheme + sep + rest)
    return ",".join(out)
