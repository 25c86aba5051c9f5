// The tokens of a page's content stream, whitespace kept, as qpdf's
// QPDFTokenizer splits them (the raw texts put together give the stream
// back), for the part of the syntax cairo writes: operators, numbers,
// names, strings, arrays and dictionaries. paint/pdf_marked_content.h reads
// them; qpdf's tokenizer costs about 1,000 instructions a token, this one a
// tenth of that (issue #12, W1).
#pragma once

#include <optional>
#include <qpdf/QPDFTokenizer.hh>
#include <string_view>
#include <vector>

namespace briefing {

struct ContentToken {
  enum class Kind {
    word,          // an operator (BT, Tj, BDC) or another bare word
    inline_image,  // qpdf's token for the data between ID and EI (never from here)
    name,          // "/MCID"
    integer,       // "7"
    space,         // a run of whitespace
    dict_open,     // "<<"
    other,         // a real, string, bool, null, "[", "]", ">>", "{", "}"
  };
  Kind kind = Kind::other;
  std::string_view value;  // the raw text, but a name's value is decoded (#xx) when qpdf gave it
  std::string_view raw;    // the text as written

  bool is_word(std::string_view word) const { return kind == Kind::word && value == word; }
};

/// The tokens of `content`, which they point into; nullopt when it holds
/// anything this does not read the way qpdf would or cairo never writes
/// (inline images, comments, "#" in names, bytes outside ASCII outside
/// strings, unbalanced strings): then qpdf's own tokenizer is the one to use.
std::optional<std::vector<ContentToken>> cairo_content_tokens(std::string_view content);

/// The kind of a token from qpdf's tokenizer (tt_eof, tt_bad and the rest: other).
ContentToken::Kind content_token_kind(QPDFTokenizer::token_type_e type);

}  // namespace briefing
