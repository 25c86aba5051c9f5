// Link targets: parsed by uriparser, checked, normalised and encoded so that
// only plain RFC 3986 ASCII (without ( ) ') reaches any output.
#include "base/url.h"

#include <gtest/gtest.h>

namespace briefing {
namespace {

std::string href_of(const std::string& text) {
  const LinkUrl url = parse_link_url(text);
  EXPECT_TRUE(url.ok()) << text << ": " << url.error;
  return url.href;
}

std::string error_of(const std::string& text) {
  const LinkUrl url = parse_link_url(text);
  EXPECT_FALSE(url.ok()) << text << " was accepted as " << url.href;
  EXPECT_TRUE(url.href.empty());
  return url.error;
}

TEST(Url, PlainUrlsPassUnchanged) {
  for (const std::string url :
       {"https://www8.cao.go.jp/cstp/tougosenryaku/togo2024_honbun_eiyaku.pdf",
        "https://aisi-go-jp.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en&_x_tr_hl=ja",
        "http://example.org/", "https://example.org/a%20b#frag", "mailto:someone@example.org",
        "https://192.0.2.7:8443/x"}) {
    EXPECT_EQ(href_of(url), url);
  }
  // uriparser writes IPv6 addresses in full.
  EXPECT_EQ(href_of("https://[2001:db8::1]/"),
            "https://[2001:0db8:0000:0000:0000:0000:0000:0001]/");
}

TEST(Url, PdfAndCairoDelimitersAreEncoded) {
  EXPECT_EQ(href_of("https://example.com/)/S/JavaScript/JS(app.alert(1))/Z("),
            "https://example.com/%29/S/JavaScript/JS%28app.alert%281%29%29/Z%28");
  EXPECT_EQ(href_of("https://example.org/it's"), "https://example.org/it%27s");
  EXPECT_EQ(href_of("https://example.org/a\\b\"c<d>e f"),
            "https://example.org/a%5Cb%22c%3Cd%3Ee%20f");
  EXPECT_EQ(href_of("https://example.org/x\\"), "https://example.org/x%5C");
  EXPECT_EQ(href_of("https://example.org/endobj) >> endobj"),
            "https://example.org/endobj%29%20%3E%3E%20endobj");
}

TEST(Url, NonAsciiIsEncodedAsUtf8AndHostsBecomePunycode) {
  EXPECT_EQ(href_of("https://example.org/パス?q=ü"),
            "https://example.org/%E3%83%91%E3%82%B9?q=%C3%BC");
  EXPECT_EQ(href_of("https://例え.jp/"), "https://xn--r8jz45g.jp/");
  EXPECT_EQ(href_of("https://bücher.example/"), "https://xn--bcher-kva.example/");
}

TEST(Url, IsNormalised) {
  EXPECT_EQ(href_of("HTTPS://Example.COM/a/../b/./c"), "https://example.com/b/c");
  EXPECT_EQ(href_of("https://example.org/%7euser"), "https://example.org/~user");
  EXPECT_EQ(href_of("https://example.org/100%"), "https://example.org/100%25");
}

TEST(Url, RefusesWhatIsNotALink) {
  EXPECT_EQ(error_of("javascript:alert(1)"),
            "uses the scheme \"javascript:\", which is not allowed");
  EXPECT_EQ(error_of("ftp://example.org/x"), "uses the scheme \"ftp:\", which is not allowed");
  EXPECT_EQ(error_of("file:///etc/passwd"), "uses the scheme \"file:\", which is not allowed");
  EXPECT_EQ(error_of("data:text/html,<script>"), "uses the scheme \"data:\", which is not allowed");
  EXPECT_EQ(error_of("example.org/x"), "has no scheme");
  EXPECT_EQ(error_of("https:///path"), "has no host");
  EXPECT_EQ(error_of("https://user:pw@example.org/"), "carries a user name or password before '@'");
  EXPECT_EQ(error_of("https://exa mple.com/"),
            "has \"exa mple.com\" as its host, which is not a host name");
  EXPECT_EQ(error_of("mailto:nobody"), "is not a mailto: link to an address");
  EXPECT_EQ(error_of(" https://example.org/"), "starts or ends with white space");
  EXPECT_EQ(error_of(""), "is empty");
  EXPECT_NE(error_of("https://example.org/" + std::string(5000, 'a')).find("at most 4096"),
            std::string::npos);
}

TEST(Url, SafeTargetsAreOnlyEncodedAscii) {
  EXPECT_TRUE(is_safe_link_target("https://example.org/a%20b?x=1&y=2#f"));
  for (const std::string bad :
       {"", "https://example.org/)", "https://example.org/(", "https://example.org/'",
        "https://example.org/\\", "https://example.org/ ", "https://example.org/\xC3\xBC",
        "https://example.org/%2", "https://example.org/%zz", "https://example.org/\n",
        "https://example.org/<", "https://example.org/\""}) {
    EXPECT_FALSE(is_safe_link_target(bad)) << bad;
  }
}

// Every accepted URL, however hostile the text, comes out safe.
TEST(Url, EveryAcceptedUrlIsSafe) {
  const std::string pieces[] = {"(", ")", "'", "\\", "%", "%4",     "ü",    " ",    "<", ">", "\"",
                                "/", "?", "#", "&",  "=", "endobj", "\xFF", "\xC3", ":", "@"};
  for (const auto& a : pieces) {
    for (const auto& b : pieces) {
      const LinkUrl url = parse_link_url("https://example.org/" + a + "x" + b);
      if (url.ok()) {
        EXPECT_TRUE(is_safe_link_target(url.href)) << url.href;
      }
    }
  }
}

}  // namespace
}  // namespace briefing
