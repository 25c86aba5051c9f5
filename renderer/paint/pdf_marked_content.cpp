#include "paint/pdf_marked_content.h"

#include <algorithm>

namespace briefing {
namespace {

// The MCID among a BDC's operands ("/P <</MCID 3>>"); -1 when none.
int mcid_of(const std::vector<ContentToken>& operands) {
  for (size_t i = 0; i < operands.size(); ++i) {
    if (operands[i].kind != ContentToken::Kind::name || operands[i].value != "/MCID") continue;
    for (size_t j = i + 1; j < operands.size(); ++j) {
      if (operands[j].kind == ContentToken::Kind::space) continue;
      if (operands[j].kind == ContentToken::Kind::integer)
        return std::stoi(std::string(operands[j].value));
      break;
    }
  }
  return -1;
}

std::string artifact_operator(const std::string& subtype) {
  if (subtype.empty()) return "/Artifact BMC\n";
  return "/Artifact <</Type /Pagination /Subtype /" + subtype + ">> BDC\n";
}

}  // namespace

MarkedContentRewriter::MarkedContentRewriter(const std::map<int, MarkedContentAction>& actions,
                                             int next_mcid, long& position, std::string& out)
    : actions_(actions), next_mcid_(next_mcid), position_(position), out_(out) {}

void MarkedContentRewriter::token(const ContentToken& token) {
  if (token.kind == ContentToken::Kind::word || token.kind == ContentToken::Kind::inline_image) {
    operator_token(token);
  } else {
    pending_.push_back(token);
  }
}

void MarkedContentRewriter::finish() {
  end_output();
  flush_pending();
}

void MarkedContentRewriter::flush_pending() {
  for (const auto& token : pending_) write_token(token);
  pending_.clear();
}

void MarkedContentRewriter::end_output() {
  if (output_ != Output::none) write("\nEMC\n");
  output_ = Output::none;
  output_entry_ = -1;
}

int MarkedContentRewriter::nearest_kept() const {
  for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
    const auto kind = stack_[static_cast<size_t>(i)].action.kind;
    if (kind == MarkedContentAction::Kind::keep || kind == MarkedContentAction::Kind::artifact)
      return i;
  }
  return -1;
}

// Opens in the output the sequence that the content at this point belongs
// to: the nearest kept one (resumed with a new MCID if it was interrupted),
// or an artifact.
void MarkedContentRewriter::begin_sequence() {
  const int kept = nearest_kept();
  if (kept < 0) {
    if (output_ != Output::auto_artifact) {
      end_output();
      write("\n/Artifact BMC\n");
      output_ = Output::auto_artifact;
    }
    return;
  }
  if (output_ == Output::entry && output_entry_ == kept) return;
  end_output();
  Entry& entry = stack_[static_cast<size_t>(kept)];
  if (entry.action.kind == MarkedContentAction::Kind::artifact) {
    write("\n" + artifact_operator(entry.action.artifact_subtype));
  } else {
    if (entry.mcid < 0) entry.mcid = next_mcid_++;
    write("\n/" + entry.action.type + " <</MCID " + std::to_string(entry.mcid) + ">> BDC\n");
    sequences_.push_back({entry.action.element, entry.mcid, position_++});
    entry.mcid = -1;  // a later part of it gets a new MCID
  }
  output_ = Output::entry;
  output_entry_ = kept;
}

// Cairo's "/Span << /ActualText (fi) >> BDC" inside an element's sequence:
// rather than nested (which poppler's structure reader stops at), the
// element's sequence ends and a new one of it begins with these properties
// and its own MCID ("/Span << /MCID 7 /ActualText (fi) >> BDC"), ended at the
// span's EMC. False (nothing written) when the properties are no dictionary.
bool MarkedContentRewriter::resumes_with_properties(const MarkedContentAction& action) {
  const auto open = std::find_if(pending_.begin(), pending_.end(), [](const auto& token) {
    return token.kind == ContentToken::Kind::dict_open;
  });
  if (open == pending_.end()) return false;
  end_output();
  Entry entry;
  entry.action = action;
  entry.mcid = next_mcid_++;
  // Named /Span still: poppler honours ActualText on Span marked content only.
  write("\n/Span <</MCID " + std::to_string(entry.mcid) + " ");
  for (auto token = std::next(open); token != pending_.end(); ++token) write_token(*token);
  write(" BDC\n");
  pending_.clear();
  sequences_.push_back({action.element, entry.mcid, position_++});
  entry.mcid = -1;
  stack_.push_back(std::move(entry));
  output_ = Output::entry;
  output_entry_ = static_cast<int>(stack_.size()) - 1;
  return true;
}

void MarkedContentRewriter::operator_token(const ContentToken& op) {
  if (op.is_word("BDC") || op.is_word("BMC")) {
    const int mcid = op.is_word("BDC") ? mcid_of(pending_) : -1;
    Entry entry;
    const int kept = nearest_kept();
    if (mcid < 0 && op.is_word("BDC") && kept >= 0 &&
        stack_[static_cast<size_t>(kept)].action.kind == MarkedContentAction::Kind::keep &&
        resumes_with_properties(stack_[static_cast<size_t>(kept)].action))
      return;
    if (mcid < 0) {
      // Not an element's: it stays, inside the sequence its content is in.
      begin_sequence();
      flush_pending();
      write_token(op);
      entry.action.kind = MarkedContentAction::Kind::passthrough;
      stack_.push_back(std::move(entry));
      return;
    }
    if (const auto found = actions_.find(mcid); found != actions_.end())
      entry.action = found->second;
    // Inside an artifact nothing is marked.
    if (kept >= 0 &&
        stack_[static_cast<size_t>(kept)].action.kind == MarkedContentAction::Kind::artifact)
      entry.action.kind = MarkedContentAction::Kind::drop;
    entry.mcid = mcid;
    if (entry.action.element >= 0 && entry.action.kind != MarkedContentAction::Kind::artifact)
      begins_.emplace(entry.action.element, position_);
    pending_.clear();
    stack_.push_back(std::move(entry));
    return;  // written when content follows (begin_sequence)
  }
  if (op.is_word("EMC")) {
    if (!stack_.empty() && stack_.back().action.kind == MarkedContentAction::Kind::passthrough) {
      flush_pending();
      write_token(op);
      stack_.pop_back();
      return;
    }
    pending_.clear();
    if (stack_.empty()) return;  // unbalanced (cairo 1.16 ends elements it never began)
    if (output_ == Output::entry && output_entry_ == static_cast<int>(stack_.size()) - 1)
      end_output();
    stack_.pop_back();
    return;
  }
  begin_sequence();
  flush_pending();
  write_token(op);
}

}  // namespace briefing
