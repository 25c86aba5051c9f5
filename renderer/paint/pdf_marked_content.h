// Rewrites a page's content stream so that its marked content is what
// PDF/UA wants (Matterhorn checkpoints 01-005, 14-003 style): cairo 1.16
// opens a marked-content sequence for every structure element, nested as
// the elements are, containers included, and leaves content outside them.
// Here, per marked-content sequence (by its MCID):
// - a grouping element's (Document, Sect, Table, TR) is removed: what it
//   held directly is decoration between its children;
// - an artifact element's becomes /Artifact marked content (with its
//   pagination subtype), and anything inside it loses its marks;
// - a content element's (P, H2, TD, Figure) is kept, but never nested:
//   where a child's sequence begins the parent's ends, and it resumes after
//   the child with a new MCID (so each MCID marks content of one element);
// - marked content without an MCID (cairo's ActualText spans for ligatures)
//   inside a kept sequence becomes a sequence of that element of its own,
//   with those properties and a new MCID; elsewhere it stays as it is;
// - content outside every kept sequence is wrapped as /Artifact.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "paint/pdf_content_tokens.h"

namespace briefing {

struct MarkedContentAction {
  // passthrough: marked content that is no structure element's (cairo's
  // /Span << /ActualText (fi) >> for a ligature), written as it is.
  enum class Kind { keep, drop, artifact, passthrough };
  Kind kind = Kind::drop;
  int element = -1;              // the element (an index of the caller's) for keep
  std::string type;              // its structure type, for a resumed sequence
  std::string artifact_subtype;  // "Header", "Footer" or empty
};

/// A kept marked-content sequence as written: its element, MCID and place
/// in the document's content order.
struct MarkedSequence {
  int element = -1;
  int mcid = 0;
  long position = 0;
};

/// Fed a page's content tokens (paint/pdf_content_tokens.h, or qpdf's
/// tokenizer through pdf_structure_tree.cpp), writes the rewritten content.
/// A token's text must stay valid until the next operator (word or inline
/// image) has been fed.
class MarkedContentRewriter {
 public:
  /// `actions` by MCID (an unknown MCID is dropped); new MCIDs from
  /// `next_mcid` on; `position` counts sequences across pages; the content
  /// goes to `out`.
  MarkedContentRewriter(const std::map<int, MarkedContentAction>& actions, int next_mcid,
                        long& position, std::string& out);

  void token(const ContentToken& token);
  /// At the end of the content.
  void finish();

  /// The kept sequences, in content order.
  const std::vector<MarkedSequence>& sequences() const { return sequences_; }
  /// Where each element's marked content first began (even if it held
  /// nothing): the position its first sequence would have had.
  const std::map<int, long>& begins() const { return begins_; }

 private:
  struct Entry {
    MarkedContentAction action;
    int mcid = -1;
  };
  void operator_token(const ContentToken& op);
  void begin_sequence();
  bool resumes_with_properties(const MarkedContentAction& action);
  void end_output();
  void flush_pending();
  void write(std::string_view text) { out_.append(text); }
  void write_token(const ContentToken& token) { out_.append(token.raw); }
  int nearest_kept() const;  // index into stack_, -1 for none

  const std::map<int, MarkedContentAction>& actions_;
  int next_mcid_;
  long& position_;
  std::string& out_;
  std::vector<ContentToken> pending_;  // operands (and spaces) of the next operator
  std::vector<Entry> stack_;           // the marked content open in the input
  enum class Output { none, auto_artifact, entry } output_ = Output::none;
  int output_entry_ = -1;  // the stack entry whose sequence is open in the output
  std::vector<MarkedSequence> sequences_;
  std::map<int, long> begins_;
};

}  // namespace briefing
