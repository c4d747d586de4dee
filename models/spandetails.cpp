#include "spandetails.h"

#include "extensionkeys.h"
#include "iplatformtext.h"
#include "spantreemodel.h"

#include <QCoreApplication>

#include <cmath>

namespace td {

std::vector<IPlatformField> iplatformFields(const Trace &t, const Span &s)
{
    using iplatform::isNone;
    std::vector<IPlatformField> out;
    const ExtensionKeys &keys = ExtensionKeys::instance();
    // The notes keep the panel's translation context, where their Chinese has always been.
    const auto dur = [](double us) { return SpanTreeModel::formatDuration(us); };
    for (const std::string &key : keys.roleKeys()) {
        IPlatformField f;
        f.key = key;
        switch (keys.role(key)) {
        case ExtensionKeys::Role::Component:
            f.value = t.qstr(s.componentName);
            break;
        case ExtensionKeys::Role::Succeed:
            if (s.succeed >= 0)
                f.value = s.succeed ? QStringLiteral("true") : QStringLiteral("false");
            if (s.succeed == 0) {
                f.note = QCoreApplication::translate("td::IPlatformPanel", "failed");
                f.severity = 2;
            }
            break;
        case ExtensionKeys::Role::Busisys: f.value = t.qstr(s.busisys); break;
        case ExtensionKeys::Role::ServiceInstId: f.value = t.qstr(s.serviceInstId); break;
        case ExtensionKeys::Role::DurationMoveAvg:
            if (s.hasDurationMoveAvg()) {
                f.value = dur(s.durationMoveAvgUs);
                const double ratio = s.durationMoveAvgUs > 0 ? static_cast<double>(s.durationUs) / s.durationMoveAvgUs : NAN;
                f.note = std::isnan(ratio) ? QCoreApplication::translate("td::IPlatformPanel", "actual %1").arg(dur(static_cast<double>(s.durationUs)))
                                           : QCoreApplication::translate("td::IPlatformPanel", "actual %1 = %2× usual").arg(dur(static_cast<double>(s.durationUs))).arg(ratio, 0, 'f', 2);
                if (s.isWarning())
                    f.severity = 1;
            }
            break;
        case ExtensionKeys::Role::WarnPct:
            f.value = t.qstr(s.warnPctText);
            if (!std::isnan(s.warnPct) && s.warnPct > 0 && s.hasDurationMoveAvg())
                f.note = QCoreApplication::translate("td::IPlatformPanel", "warns above %1").arg(dur(s.durationMoveAvgUs * (1.0 + s.warnPct / 100.0)));
            break;
        case ExtensionKeys::Role::WarnType:
            f.value = t.qstr(s.warnType);
            if (!f.value.isEmpty() && !isNone(f.value)) {
                f.note = QCoreApplication::translate("td::IPlatformPanel", "performance warning");
                f.severity = 1;
            }
            break;
        case ExtensionKeys::Role::ExceptionClass:
            f.value = t.qstr(s.exceptionClass);
            if (!f.value.isEmpty() && !isNone(f.value)) {
                f.note = QCoreApplication::translate("td::IPlatformPanel", "failed with this exception");
                f.severity = 2;
            }
            break;
        case ExtensionKeys::Role::None: break;
        }
        if (!f.value.isEmpty())
            out.push_back(std::move(f));
    }
    return out;
}

} // namespace td
