#include "layout/timeline/chrome.h"

#include <algorithm>
#include <memory>

#include "layout/timeline/builder.h"

namespace briefing::timeline_detail {
namespace {

constexpr double kGap = 6;  // between a strip and the chart, points

using Corner = TimelineBranding::Corner;

bool at_top(Corner c) { return c == Corner::top_left || c == Corner::top_right; }
bool at_left(Corner c) { return c == Corner::top_left || c == Corner::bottom_left; }

TextBlockPtr marking_block(const TimelineStyle& style) {
  const TimelineBranding& b = style.branding;
  if (b.marking.empty()) return nullptr;
  return std::make_shared<TextBlock>(b.marking,
                                     TextStyle{style.font_family, b.marking_size, true, false});
}

// The logo's box size: the layout's height, the image's aspect ratio, and
// never more than a quarter of the canvas's width (the marking is centred).
std::pair<double, double> logo_size(const TimelineBranding& b, const Rect& canvas) {
  if (!b.logo) return {0, 0};
  const double height = std::min(b.logo_height, canvas.width * 0.25 / b.logo->aspect());
  return {height * b.logo->aspect(), height};
}

struct Strips {
  double top = 0, bottom = 0;  // points taken off the canvas, gaps included
};

Strips strips_of(const TimelineStyle& style, const Rect& canvas) {
  const TimelineBranding& b = style.branding;
  Strips s;
  double foot = 0;
  if (const auto marking = marking_block(style)) foot = marking->height();
  const auto [w, h] = logo_size(b, canvas);
  if (h > 0) {
    if (at_top(b.logo_corner))
      s.top = h + kGap;
    else
      foot = std::max(foot, h);
  }
  if (foot > 0) s.bottom = foot + kGap;
  return s;
}

}  // namespace

Rect page_canvas(const TimelineStyle& style, double width, double height) {
  return {style.margin_left, style.margin_top, width - style.margin_left - style.margin_right,
          height - style.margin_top - style.margin_bottom};
}

Rect content_area(const TimelineStyle& style, double width, double height) {
  Rect area = page_canvas(style, width, height);
  const Strips s = strips_of(style, area);
  area.y += s.top;
  area.height = std::max(area.height - s.top - s.bottom, 1.0);
  return area;
}

void add_chrome(const TimelineStyle& style, double width, double height, TimelinePage& out) {
  const TimelineBranding& b = style.branding;
  const Rect canvas = page_canvas(style, width, height);
  const Strips s = strips_of(style, canvas);
  const double foot_top = canvas.bottom() - (s.bottom - kGap);
  if (const auto [w, h] = logo_size(b, canvas); h > 0) {
    const double x = at_left(b.logo_corner) ? canvas.x : canvas.right() - w;
    // In the foot strip, the logo sits on the strip's foot line.
    const double y = at_top(b.logo_corner) ? canvas.y : canvas.bottom() - h;
    out.page.items.push_back(ImageShape{{x, y, w, h}, b.logo, Tag{"logo", "", {}}});
  }
  if (const auto marking = marking_block(style)) {
    const double x = canvas.x + (canvas.width - marking->width()) / 2;
    const double y = foot_top + (s.bottom - kGap - marking->height()) / 2;
    out.page.items.push_back(
        TextShape{{x, y}, marking, b.marking_color, Tag{"marking", "", b.marking}});
  }
}

const std::string& chart_title(const TimelineStyle& style, const Dataset& dataset) {
  return style.branding.title.empty() ? dataset.title : style.branding.title;
}

double add_heading(const Dataset& dataset, const TimelineStyle& style, const TimelineTheme& theme,
                   double title_size, const Rect& area, double top, TimelinePage& out, Rect& box) {
  box = Rect{area.x, top, 0, 0};
  if (title_size <= 0) return top;
  auto title = std::make_shared<TextBlock>(chart_title(style, dataset),
                                           TextStyle{style.title_family, title_size, true, false},
                                           area.width);
  add_text(out, title, {area.x, top}, theme.text, "title", "");
  box = Rect{area.x, top, title->width(), title->height()};
  double y = top + title->height();
  if (!style.branding.subtitle.empty()) {
    auto subtitle = std::make_shared<TextBlock>(
        style.branding.subtitle,
        TextStyle{style.title_family, std::max(title_size * 0.6, style.min_text_size), false,
                  false},
        area.width);
    y += title_size * 0.1;
    add_text(out, subtitle, {area.x, y}, theme.muted_text, "subtitle", "");
    box.width = std::max(box.width, subtitle->width());
    y += subtitle->height();
    box.height = y - top;
  }
  return y + title_size * 0.4;
}

}  // namespace briefing::timeline_detail
