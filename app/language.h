#pragma once

#include <QString>

class QCoreApplication;

namespace td {

// Installs TraceDesk's translation (embedded at :/i18n) and Qt's own (qtbase_*, when the system has it) for
// `language` ("en", "zh_CN"), or for the system locale when it is empty. Returns the language used, "en" when
// there is no translation for the requested one. Afterwards QLocale().language() is Chinese exactly when the
// UI is, which is how views pick the labels of resources/extensions.json.
QString installTranslations(QCoreApplication *app, const QString &language);

// The languages TraceDesk ships besides English (the source language).
QStringList availableTranslations();

} // namespace td
