#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "benchmarks/harness/report.h"
#include "core/file_io.h"

namespace verigen::bench {
namespace {

// Layout of one chart, in user units; the document stacks two of them.
constexpr double kWidth = 760;
constexpr double kChartHeight = 380;
constexpr double kLeft = 70, kRight = 220, kTop = 50, kBottom = 60;
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kPlotHeight = kChartHeight - kTop - kBottom;

// Colour-blind-safe palette (Okabe–Ito); runs beyond it reuse colours in order.
constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                    "#CC79A7", "#56B4E9", "#F0E442", "#000000"};

const char* colour(std::size_t index) { return kColours[index % std::size(kColours)]; }

// Numbers are written with a fixed '.' and one decimal: SVG does not accept locale digits.
std::string num(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

double y_of(double fraction, double top) { return top + kTop + (1 - fraction) * kPlotHeight; }

void text(std::ostringstream& out, double x, double y, std::string_view content,
          const char* anchor = "start", const char* extra = "") {
  out << "  <text x=\"" << num(x) << "\" y=\"" << num(y) << "\" text-anchor=\"" << anchor << "\""
      << extra << ">" << xml_escape(content) << "</text>\n";
}

// Title, frame, the y axis in percent with grid lines, and the axis titles.
void axes(std::ostringstream& out, double top, std::string_view title, std::string_view x_title,
          std::string_view y_title) {
  text(out, kWidth / 2, top + 28, title, "middle", " font-size=\"16\" font-weight=\"bold\"");
  for (int percent = 0; percent <= 100; percent += 20) {
    double y = y_of(percent / 100.0, top);
    out << "  <line x1=\"" << num(kLeft) << "\" y1=\"" << num(y) << "\" x2=\""
        << num(kLeft + kPlotWidth) << "\" y2=\"" << num(y) << "\" stroke=\"#dddddd\"/>\n";
    text(out, kLeft - 8, y + 4, std::to_string(percent) + "%", "end");
  }
  out << "  <rect x=\"" << num(kLeft) << "\" y=\"" << num(top + kTop) << "\" width=\""
      << num(kPlotWidth) << "\" height=\"" << num(kPlotHeight)
      << "\" fill=\"none\" stroke=\"#333333\"/>\n";
  text(out, kLeft + kPlotWidth / 2, top + kChartHeight - 15, x_title, "middle");
  double mid = top + kTop + kPlotHeight / 2;
  out << "  <text x=\"18\" y=\"" << num(mid)
      << "\" text-anchor=\"middle\" transform=\"rotate(-90 18 " << num(mid) << ")\">"
      << xml_escape(y_title) << "</text>\n";
}

// Long labels are cut to fit the legend column (at a UTF-8 character boundary).
std::string fit(const std::string& label) {
  constexpr std::size_t kMax = 30;
  if (label.size() <= kMax) return label;
  std::size_t cut = kMax - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "\u2026";
}

void legend(std::ostringstream& out, double top, const std::vector<std::string>& labels) {
  double x = kLeft + kPlotWidth + 16;
  // Rows close up when there are many runs, so the legend stays beside its plot.
  double row = std::min(
      20.0, (kPlotHeight - 10) / static_cast<double>(std::max<std::size_t>(1, labels.size())));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double y = top + kTop + 10 + row * static_cast<double>(i);
    out << "  <rect x=\"" << num(x) << "\" y=\"" << num(y - 9) << "\" width=\"18\" height=\"10\" "
        << "fill=\"" << colour(i) << "\"/>\n";
    text(out, x + 24, y, fit(labels[i]));
  }
}

void pass_at_k_chart(std::ostringstream& out, const std::vector<RunMetrics>& runs, double top) {
  axes(out, top, "pass@k per run", "k (samples per task)", "pass@k");
  std::size_t max_k = 1;
  for (const auto& r : runs) max_k = std::max(max_k, r.overall.pass_at_k.size());
  // With a single k there is no span to spread over: the points sit mid-axis.
  auto x_of = [&](std::size_t k) {
    return max_k == 1 ? kLeft + kPlotWidth / 2
                      : kLeft + kPlotWidth * static_cast<double>(k - 1) / (max_k - 1);
  };
  std::size_t step = std::max<std::size_t>(1, (max_k + 11) / 12);  // at most ~12 tick labels
  for (std::size_t k = 1; k <= max_k; k += step) {
    double x = x_of(k), bottom = top + kTop + kPlotHeight;
    out << "  <line x1=\"" << num(x) << "\" y1=\"" << num(bottom) << "\" x2=\"" << num(x)
        << "\" y2=\"" << num(bottom + 5) << "\" stroke=\"#333333\"/>\n";
    text(out, x, bottom + 20, std::to_string(k), "middle");
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    labels.push_back(run_label(runs[i], runs));
    const auto& values = runs[i].overall.pass_at_k;
    if (values.empty()) continue;  // a run without samples has no curve
    out << "  <polyline fill=\"none\" stroke=\"" << colour(i) << "\" stroke-width=\"2\" points=\"";
    for (std::size_t k = 1; k <= values.size(); ++k)
      out << (k > 1 ? " " : "") << num(x_of(k)) << "," << num(y_of(values[k - 1], top));
    out << "\"/>\n";
    for (std::size_t k = 1; k <= values.size(); ++k)
      out << "  <circle cx=\"" << num(x_of(k)) << "\" cy=\"" << num(y_of(values[k - 1], top))
          << "\" r=\"3\" fill=\"" << colour(i) << "\"/>\n";
  }
  legend(out, top, labels);
}

void category_chart(std::ostringstream& out, const std::vector<RunMetrics>& runs, double top) {
  axes(out, top, "Verified samples per category", "category", "verified samples");
  std::set<std::string, CategoryLess> categories;
  for (const auto& r : runs)
    for (const auto& [name, stats] : r.categories) categories.insert(name);
  std::vector<std::string> labels;
  for (const auto& r : runs) labels.push_back(run_label(r, runs));
  legend(out, top, labels);
  if (categories.empty() || runs.empty()) {
    text(out, kLeft + kPlotWidth / 2, top + kTop + kPlotHeight / 2, "no samples", "middle");
    return;
  }
  // Each group gets an equal slot; bars fill 80% of it so neighbouring groups stay apart.
  double slot = kPlotWidth / static_cast<double>(categories.size());
  double bar = slot * 0.8 / static_cast<double>(runs.size());
  double bottom = top + kTop + kPlotHeight;
  std::size_t group = 0;
  for (const auto& category : categories) {
    double group_left = kLeft + slot * static_cast<double>(group) + slot * 0.1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      auto found = runs[i].categories.find(category);
      if (found == runs[i].categories.end()) continue;
      double rate = found->second.verified_rate;
      double y = y_of(rate, top);
      out << "  <rect x=\"" << num(group_left + bar * static_cast<double>(i)) << "\" y=\"" << num(y)
          << "\" width=\"" << num(bar) << "\" height=\"" << num(bottom - y) << "\" fill=\""
          << colour(i) << "\"><title>"
          << xml_escape(labels[i] + ", " + category + ": " + num(100 * rate) + "%")
          << "</title></rect>\n";
    }
    text(out, kLeft + slot * (static_cast<double>(group) + 0.5), bottom + 20, category, "middle");
    ++group;
  }
}

}  // namespace

std::string xml_escape(std::string_view input) {
  std::string text(input);
  // Invalid UTF-8 would make the whole document unreadable to an XML parser.
  if (!is_valid_utf8(text))
    for (char& c : text)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 allows no control characters but tab, newline and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += '?';
        else
          out += c;
    }
  }
  return out;
}

std::string render_svg(const std::vector<RunMetrics>& runs) {
  // A pooled run's question is how many tasks each strategy solves for how many calls.
  std::vector<const RunMetrics*> pooled;
  for (const auto& r : runs)
    if (r.pool) pooled.push_back(&r);
  if (!pooled.empty()) return render_pool_svg(pooled);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << num(kWidth)
      << "\" height=\"" << num(2 * kChartHeight) << "\" viewBox=\"0 0 " << num(kWidth) << " "
      << num(2 * kChartHeight) << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "  <title>verigen benchmark report</title>\n"
      << "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  pass_at_k_chart(out, runs, 0);
  category_chart(out, runs, kChartHeight);
  out << "</svg>\n";
  return out.str();
}

}  // namespace verigen::bench
