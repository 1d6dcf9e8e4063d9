"""Reference renderer for the differential tests: real Jinja2 with the engine's rule set.

Reads a JSON list of cases {"template", "context", "mode"} on stdin and prints a JSON list of
results: {"value": repr} / {"text": rendered} / {"error": exception class name}.

Rule set mirrored from the engine (see src/language):
- undefined is the plain Undefined, as the catalog shows (an attribute, item or call of it raises);
- `a.b` on a dict reads the key first, then the attribute;
- `re` is a global (`len` is not: docs/catalog-rules/templates.md); the catalog's custom filters are defined below;
- mode "value": a lone `{{ expr }}` is evaluated with compile_expression (native value); any
  other template is rendered; a resulting string that is a list or dict literal
  (ast.literal_eval; inner tuples → lists, no sets/bytes/complex) becomes that value, any other
  string stays as it is, untrimmed (see docs/catalog-rules/templates.md).
"""
import ast
import ipaddress
import json
import re
import sys

from jinja2 import Environment, Undefined
from markupsafe import Markup
from jinja2.lexer import TOKEN_VARIABLE_BEGIN, TOKEN_VARIABLE_END


class Env(Environment):
    def getattr(self, obj, attribute):
        if isinstance(obj, dict):
            try:
                return obj[attribute]
            except (KeyError, TypeError):
                pass
        return super().getattr(obj, attribute)


def _ip(value, cls=None):
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    return cls is None or isinstance(addr, cls)


def _path(mod_index):
    def f(value):
        if value is None or isinstance(value, Undefined):
            return value
        # The catalog's rule (docs/catalog-rules/templates.md): split at the last separator, the
        # head as written (not os.path, which strips the head's trailing separators).
        s = str(value)
        i = max(s.rfind("\\"), s.rfind("/")) if "\\" in s else s.rfind("/")
        return ("", s)[mod_index] if i < 0 else (s[:i], s[i + 1:])[mod_index]
    return f


_MAC = [
    re.compile(r"^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$", re.I),
    re.compile(r"^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$", re.I),
]


def to_mac_address(value):
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = _MAC[0].match(s)
    if m:
        h = "".join(m.group(1, 3, 4, 5, 6, 7))
    else:
        m = _MAC[1].match(s)
        if not m:
            return None
        h = "".join(m.groups())
    h = h.upper()
    return ":".join(h[i:i + 2] for i in range(0, 12, 2))


def is_url(value):
    from urllib.parse import urlparse
    if not isinstance(value, str):
        return False
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)", value.lstrip("".join(chr(i) for i in range(33))).replace("\t", "").replace("\r", "").replace("\n", ""))
    return bool(m and m.group(2))


def from_json(v):
    if not isinstance(v, str):
        raise TypeError("the JSON object must be str")
    try:
        return json.loads(v)
    except ValueError:
        return None


def _check_str(v):
    if not isinstance(v, str):
        raise TypeError("expected string")
    return v


env = Env(undefined=Undefined)
env.globals.update(re=re)
env.filters.update(
    is_ipaddress=lambda v: _ip(v),
    is_ipv4=lambda v: _ip(v, ipaddress.IPv4Address),
    is_ipv6=lambda v: _ip(v, ipaddress.IPv6Address),
    is_url=is_url,
    basename=_path(1),
    dirname=_path(0),
    # The catalog's rules (docs/catalog-rules/templates.md): re_match is re.match (anchored at the
    # start only); None matches nothing.
    re_match=lambda v, p: v is not None and not isinstance(v, Undefined) and re.match(p, _check_str(v)) is not None,
    re_search=lambda v, p: v is not None and not isinstance(v, Undefined) and re.search(p, _check_str(v)) is not None,
    to_mac_address=to_mac_address,
    from_json=from_json,
    to_json=lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False),
)


def lone_expression(source):
    tokens = list(env.lex(source))
    if len(tokens) < 2 or tokens[0][1] != TOKEN_VARIABLE_BEGIN or tokens[-1][1] != TOKEN_VARIABLE_END:
        return None
    if any(t[1] in (TOKEN_VARIABLE_BEGIN, TOKEN_VARIABLE_END) for t in tokens[1:-1]):
        return None
    if any(t[1] in ("data", "block_begin") for t in tokens):
        return None
    return "".join(t[2] if t[1] != "string" else repr(t[2]) for t in tokens[1:-1] if t[1] != "whitespace")


def lists(v):
    if isinstance(v, (tuple, list)):
        return [lists(x) for x in v]
    if isinstance(v, dict):
        return {k: lists(x) for k, x in v.items()}
    if isinstance(v, (set, frozenset, bytes, complex)):
        raise ValueError("not a stored literal")
    return v


def rendered(text):
    """A rendered text is a value only when it is a list or dict literal; else the text, untrimmed.

    Items joined by bare commas (`{...},{...}`: a tuple to Python) stay text (catalog-rules/templates.md).
    """
    t = text.strip()
    if not t.startswith(("[", "{")):
        return text
    try:
        v = ast.literal_eval(t)
    except Exception:
        return text
    if not isinstance(v, (list, dict)):
        return text
    try:
        return lists(v)
    except Exception:
        return text


def run(case):
    source = case["template"]
    ctx = json.loads(case["contextText"]) if "contextText" in case else case.get("context", {})
    if case.get("mode") == "value":
        src = source.strip()
        expr_tokens = lone_expression(src)
        if expr_tokens is not None:
            inner = src[3:] if src[2] == "-" else src[2:]
            inner = inner[:-3] if inner.endswith("-}}") else inner[:-2]
            v = env.compile_expression(inner, undefined_to_none=False)(**ctx)
            if isinstance(v, Markup):
                v = str(v)  # Markup is stored as a plain string
            if isinstance(v, str):
                v = rendered(v)
            return {"value": "Undefined" if isinstance(v, Undefined) else repr(v)}
        return {"value": repr(rendered(env.from_string(src).render(**ctx)))}
    return {"text": env.from_string(source).render(**ctx)}


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        try:
            out.append(run(case))
        except Exception as e:  # noqa: BLE001 - any error is a result
            out.append({"error": type(e).__name__})
    json.dump(out, sys.stdout)


main()
