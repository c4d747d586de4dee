#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>

namespace td {

namespace {

// The object name of the translators installTranslations installs, to find them again.
constexpr char translatorName[] = "tracedesk-translator";

// A helper such as `auto tr = [](const char *t) { return QCoreApplication::translate("td::X", t); };` in a
// free function is filed by lupdate under the namespace ("td"), not under "td::X": look there as well.
class TraceDeskTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isNull() && context && std::strncmp(context, "td::", 4) == 0)
            text = QTranslator::translate("td", sourceText, disambiguation, n);
        return text;
    }
};

} // namespace

QStringList availableTranslations()
{
    QStringList names;
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("tracedesk_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names << file.mid(10, file.size() - 13); // tracedesk_<name>.qm
    return names;
}

QString installTranslations(QCoreApplication *app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // A language chosen before is taken back first: its translators out, so what is not translated now
    // shows in English rather than in the old language.
    for (QTranslator *old : app->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (old->objectName() != QLatin1String(translatorName))
            continue;
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // The UI is English: so is the default locale when the language asked for is Chinese (one we could not
    // load), so that views choosing between the English and Chinese labels of extensions.json
    // (QLocale().language()) agree with the menus.
    const auto english = [&locale] {
        QLocale::setDefault(locale.language() == QLocale::Chinese ? QLocale(QLocale::English, QLocale::UnitedStates) : locale);
        return QStringLiteral("en");
    };
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return english();
    auto *ours = new TraceDeskTranslator(app);
    ours->setObjectName(QLatin1String(translatorName));
    // QTranslator::load(locale, ...) tries zh_Hans_CN, zh_CN, zh ... as the locale's uiLanguages() give them.
    if (!ours->load(locale, QStringLiteral("tracedesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return english();
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs), from Debian's qt6-translations-l10n when installed.
    auto *qt = new QTranslator(app);
    qt->setObjectName(QLatin1String(translatorName));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return ours->language().isEmpty() ? locale.name() : ours->language();
}

} // namespace td
