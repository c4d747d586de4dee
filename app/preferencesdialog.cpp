#include "preferencesdialog.h"

#include "exportoptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace td {

Preferences Preferences::load(const QSettings &settings)
{
    Preferences p;
    p.language = settings.value(QStringLiteral("ui/language")).toString();
    p.theme = themeChoiceFromKey(settings.value(QStringLiteral("ui/theme")).toString());
    if (settings.value(QStringLiteral("view/colorMode")).toString() == QLatin1String("component"))
        p.colorMode = QStringLiteral("component");
    p.utcTimes = settings.value(QStringLiteral("view/timeZone")).toString() == QLatin1String("utc");
    p.redact = settings.value(QStringLiteral("export/redactByDefault"), true).toBool();
    const QString format = settings.value(QStringLiteral("export/format")).toString();
    if (format == QLatin1String("svg") || format == QLatin1String("pdf") || format == QLatin1String("md"))
        p.exportFormat = format;
    if (settings.value(QStringLiteral("export/scope")).toString() == QLatin1String("visible"))
        p.exportScope = QStringLiteral("visible");
    p.exportWidth = std::clamp(settings.value(QStringLiteral("export/width"), p.exportWidth).toInt(), ExportOptions::minWidth,
                               ExportOptions::maxWidth);
    p.exportDetails = settings.value(QStringLiteral("export/details"), true).toBool();
    p.libraryCopyCapMiB = std::clamp(settings.value(QStringLiteral("library/copyCapMiB"), p.libraryCopyCapMiB).toInt(), 0, 65536);
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("ui/theme"), themeChoiceKey(theme));
    settings.setValue(QStringLiteral("view/colorMode"), colorMode);
    settings.setValue(QStringLiteral("view/timeZone"), utcTimes ? QStringLiteral("utc") : QStringLiteral("local"));
    settings.setValue(QStringLiteral("export/redactByDefault"), redact);
    settings.setValue(QStringLiteral("export/format"), exportFormat);
    settings.setValue(QStringLiteral("export/scope"), exportScope);
    settings.setValue(QStringLiteral("export/width"), exportWidth);
    settings.setValue(QStringLiteral("export/details"), exportDetails);
    settings.setValue(QStringLiteral("library/copyCapMiB"), libraryCopyCapMiB);
}

namespace {

QComboBox *combo(QWidget *parent, const QString &objectName, const QList<QPair<QString, QVariant>> &items, const QVariant &current)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    for (const auto &[text, data] : items)
        box->addItem(text, data);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &p, QWidget *parent)
    : QDialog(parent)
    , m_initialLanguage(p.language)
{
    setWindowTitle(tr("Preferences"));

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceForm = new QFormLayout(appearance);
    // Language names in their own language, so they can be found whatever the current one is.
    m_language = combo(appearance, QStringLiteral("language"),
                       {{tr("System default"), QString()},
                        {QStringLiteral("English"), QStringLiteral("en")},
                        {QString::fromUtf8("\xe7\xae\x80\xe4\xbd\x93\xe4\xb8\xad\xe6\x96\x87"), QStringLiteral("zh_CN")}},
                       p.language);
    appearanceForm->addRow(tr("&Language:"), m_language);
    auto *restartNote = new QLabel(tr("A new language is used from the next start of TraceDesk."), appearance);
    restartNote->setObjectName(QStringLiteral("restartNote"));
    restartNote->setForegroundRole(QPalette::PlaceholderText);
    restartNote->setWordWrap(true);
    restartNote->setVisible(false);
    appearanceForm->addRow(QString(), restartNote);
    connect(m_language, &QComboBox::currentIndexChanged, restartNote,
            [this, restartNote] { restartNote->setVisible(m_language->currentData().toString() != m_initialLanguage); });
    m_theme = combo(appearance, QStringLiteral("theme"),
                    {{tr("Follow the system"), themeChoiceKey(ThemeChoice::System)},
                     {tr("Light"), themeChoiceKey(ThemeChoice::Light)},
                     {tr("Dark"), themeChoiceKey(ThemeChoice::Dark)}},
                    themeChoiceKey(p.theme));
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    m_colorMode = combo(appearance, QStringLiteral("colorMode"),
                        {{tr("Service"), QStringLiteral("service")}, {tr("Component"), QStringLiteral("component")}},
                        p.colorMode);
    appearanceForm->addRow(tr("Colour &bars by:"), m_colorMode);
    m_timeZone = combo(appearance, QStringLiteral("timeZone"),
                       {{tr("Local time"), QStringLiteral("local")}, {tr("UTC"), QStringLiteral("utc")}},
                       p.utcTimes ? QStringLiteral("utc") : QStringLiteral("local"));
    appearanceForm->addRow(tr("Show times &in:"), m_timeZone);

    auto *sharing = new QGroupBox(tr("Copy and export"), this);
    auto *sharingForm = new QFormLayout(sharing);
    m_redact = new QCheckBox(tr("&Redact tokens, passwords and cookies in everything copied or exported"), sharing);
    m_redact->setObjectName(QStringLiteral("redact"));
    m_redact->setChecked(p.redact);
    sharingForm->addRow(m_redact);
    m_exportFormat = combo(sharing, QStringLiteral("exportFormat"),
                           {{tr("PNG image"), QStringLiteral("png")}, {tr("SVG image"), QStringLiteral("svg")},
                            {tr("PDF document"), QStringLiteral("pdf")}, {tr("Markdown summary"), QStringLiteral("md")}},
                           p.exportFormat);
    sharingForm->addRow(tr("&Format:"), m_exportFormat);
    m_exportScope = combo(sharing, QStringLiteral("exportScope"),
                          {{tr("The whole trace"), QStringLiteral("all")}, {tr("The visible time range"), QStringLiteral("visible")}},
                          p.exportScope);
    sharingForm->addRow(tr("E&xport:"), m_exportScope);
    m_exportWidth = new QSpinBox(sharing);
    m_exportWidth->setObjectName(QStringLiteral("exportWidth"));
    m_exportWidth->setRange(ExportOptions::minWidth, ExportOptions::maxWidth);
    m_exportWidth->setSingleStep(100);
    m_exportWidth->setSuffix(tr(" px"));
    m_exportWidth->setValue(p.exportWidth);
    sharingForm->addRow(tr("&Width:"), m_exportWidth);
    m_exportDetails = new QCheckBox(tr("Add the selected span's &details below the timeline"), sharing);
    m_exportDetails->setObjectName(QStringLiteral("exportDetails"));
    m_exportDetails->setChecked(p.exportDetails);
    sharingForm->addRow(m_exportDetails);

    auto *library = new QGroupBox(tr("Library"), this);
    auto *libraryForm = new QFormLayout(library);
    m_libraryCap = new QSpinBox(library);
    m_libraryCap->setObjectName(QStringLiteral("libraryCopyCap"));
    m_libraryCap->setRange(0, 65536);
    m_libraryCap->setSingleStep(64);
    m_libraryCap->setSuffix(tr(" MiB"));
    m_libraryCap->setValue(p.libraryCopyCapMiB);
    m_libraryCap->setToolTip(tr("Fetched traces are kept as received so that they open when the backend is down; "
                                "beyond this size in all the oldest copies are removed (0 keeps none)."));
    libraryForm->addRow(tr("Keep fetched &answers up to:"), m_libraryCap);

    auto *connections = new QGroupBox(tr("Connections"), this);
    auto *connectionsLayout = new QVBoxLayout(connections);
    auto *connectionsButton = new QPushButton(tr("Connection &Profiles…"), connections);
    connectionsButton->setObjectName(QStringLiteral("connections"));
    connect(connectionsButton, &QPushButton::clicked, this, &PreferencesDialog::manageConnectionsRequested);
    connectionsLayout->addWidget(connectionsButton, 0, Qt::AlignLeft);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appearance);
    layout->addWidget(sharing);
    layout->addWidget(library);
    layout->addWidget(connections);
    layout->addStretch();
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.language = m_language->currentData().toString();
    p.theme = themeChoiceFromKey(m_theme->currentData().toString());
    p.colorMode = m_colorMode->currentData().toString();
    p.utcTimes = m_timeZone->currentData().toString() == QLatin1String("utc");
    p.redact = m_redact->isChecked();
    p.exportFormat = m_exportFormat->currentData().toString();
    p.exportScope = m_exportScope->currentData().toString();
    p.exportWidth = m_exportWidth->value();
    p.exportDetails = m_exportDetails->isChecked();
    p.libraryCopyCapMiB = m_libraryCap->value();
    return p;
}

} // namespace td
