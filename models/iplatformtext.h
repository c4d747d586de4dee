#pragma once

#include <QString>

#include <string_view>

namespace td::iplatform {

// The text rules for iplatform extension values (lc, succeed, exception_class, optimize_warn_type, ...), used
// by the trace builder, the analysis and the panels alike, so that they agree on what a value says.

// A value without the blanks and quotes around it: ` 'jdbc' ` and `"jdbc"` are `jdbc`. Quotes are those the
// agents write around strings in Zipkin v1 binary annotations; inner ones stay.
std::string_view trimValue(std::string_view value);
QString trimValue(const QString &value);

// "No value": empty, `none` or `null` in any case, once trimmed (`"null"`, ` None `, `''` too). An
// exception_class or optimize_warn_type that is none says nothing failed or warned.
bool isNone(std::string_view value);
bool isNone(const QString &value);

// ASCII case-insensitive equality (keys and enum words; never locale-dependent).
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// A number in a trimmed value ("12.5", "'30'"); false when there is none.
bool parseNumber(std::string_view value, double *out);

} // namespace td::iplatform
