#include "exportdialog.h"

#include "compareview.h"

#include "exporter.h"
#include "redaction.h"
#include "spanview.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace td {

namespace {

bool redactByDefault()
{
    QSettings settings;
    return settings.value(ExportDialog::redactByDefaultKey(), true).toBool();
}

QString safeFileName(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('_');
    return out.left(64);
}

} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Trace"));
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG picture"), static_cast<int>(ExportFormat::Png));
    m_format->addItem(tr("SVG (vector, text as text)"), static_cast<int>(ExportFormat::Svg));
    m_format->addItem(tr("PDF (vector, split over pages)"), static_cast<int>(ExportFormat::Pdf));
    m_format->addItem(tr("Markdown incident summary (with a PNG beside it)"), static_cast<int>(ExportFormat::Markdown));

    m_all = new QRadioButton(tr("Whole trace, as expanded and filtered in the view"), this);
    m_visible = new QRadioButton(tr("Only what the window shows (visible rows and time range)"), this);
    m_all->setChecked(true);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_visible);

    m_width = new QSpinBox(this);
    m_width->setRange(ExportOptions::minWidth, ExportOptions::maxWidth);
    m_width->setSingleStep(100);
    m_width->setSuffix(tr(" px"));
    m_width->setValue(ExportOptions{}.width);
    m_width->setToolTip(tr("PNG pictures are drawn at twice this density; PDF pages are scaled to fit it."));

    m_details = new QCheckBox(tr("Add the selected span's details (overview, iplatform, annotations, tags)"), this);
    m_details->setChecked(true);
    m_redact = new QCheckBox(tr("Redact secrets (tokens, passwords, cookies, session ids, Authorization)"), this);
    m_redactWarning = new QLabel(tr("The export will contain secrets as they are in the trace."), this);
    m_redactWarning->setTextFormat(Qt::PlainText);
    m_redactWarning->setStyleSheet(QStringLiteral("color: #b00020;"));

    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_view = new QLabel(this);
    m_view->setTextFormat(Qt::PlainText);
    m_view->setToolTip(tr("The view on screen in the tab is exported; switch views with the keys 1 to 5."));
    setViewTitle(tr("Timeline"));

    auto *form = new QFormLayout;
    form->addRow(tr("View:"), m_view);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Scope:"), scope);
    form->addRow(tr("Width:"), m_width);
    form->addRow(QString(), m_details);
    form->addRow(QString(), m_redact);
    form->addRow(QString(), m_redactWarning);
    form->addRow(tr("File:"), pathRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_redact, &QCheckBox::toggled, this, &ExportDialog::updateRedactWarning);

    m_redact->setChecked(redactByDefault());
    m_directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    updateRedactWarning();
}

void ExportDialog::setContext(bool hasSelectedSpan, const QString &traceId)
{
    m_details->setEnabled(hasSelectedSpan);
    if (!hasSelectedSpan)
        m_details->setToolTip(tr("Select a span to add its details."));
    m_traceId = traceId;
    if (m_path->text().isEmpty() || QFileInfo(m_path->text()).completeBaseName().startsWith(QLatin1String("trace-"))) {
        const QString name = QStringLiteral("trace-") + (traceId.isEmpty() ? QStringLiteral("export") : safeFileName(traceId));
        setFilePath(QDir(m_directory).filePath(name));
        onFormatChanged();
    }
}

void ExportDialog::setViewTitle(const QString &title)
{
    m_view->setText(title);
}

QString ExportDialog::viewTitle() const
{
    return m_view->text();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.format = static_cast<ExportFormat>(m_format->currentData().toInt());
    o.scope = m_visible->isChecked() ? ExportScope::Visible : ExportScope::All;
    o.width = m_width->value();
    o.details = m_details->isEnabled() && m_details->isChecked();
    o.redact = m_redact->isChecked();
    return o;
}

QString ExportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void ExportDialog::onFormatChanged()
{
    // Keep the file name in step with the format.
    const QString path = filePath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString suffix = exportFormatSuffix(options().format);
    ExportFormat current;
    const QString base = exportFormatForPath(path, &current) ? info.completeBaseName() : info.fileName();
    setFilePath(info.dir().filePath(base + QLatin1Char('.') + suffix));
}

void ExportDialog::updateRedactWarning()
{
    m_redactWarning->setVisible(!m_redact->isChecked());
}

void ExportDialog::browse()
{
    const ExportFormat format = options().format;
    const QString suffix = exportFormatSuffix(format);
    const QString filter = format == ExportFormat::Markdown ? tr("Markdown (*.md)") : tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trace"), filePath(), filter);
    if (!path.isEmpty()) {
        setFilePath(path);
        onFormatChanged();
    }
}

void ExportDialog::accept()
{
    const QString path = filePath();
    ExportFormat format;
    if (path.isEmpty() || !exportFormatForPath(path, &format)) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a file name ending in .png, .svg, .pdf or .md."));
        return;
    }
    // The suffix typed wins over the combo box.
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
    m_directory = QFileInfo(path).absolutePath();
    QSettings settings;
    saveSettings(settings);
    QDialog::accept();
}

void ExportDialog::loadSettings(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("export"));
    ExportFormat format = ExportFormat::Png;
    if (exportFormatForPath(QStringLiteral("x.") + settings.value(QStringLiteral("format"), QStringLiteral("png")).toString(), &format))
        m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
    const bool visible = settings.value(QStringLiteral("scope")).toString() == QLatin1String("visible");
    m_visible->setChecked(visible);
    m_all->setChecked(!visible);
    m_width->setValue(settings.value(QStringLiteral("width"), ExportOptions{}.width).toInt());
    m_details->setChecked(settings.value(QStringLiteral("details"), true).toBool());
    const QString dir = settings.value(QStringLiteral("directory")).toString();
    if (!dir.isEmpty() && QFileInfo(dir).isDir())
        m_directory = dir;
    settings.endGroup();
    m_redact->setChecked(settings.value(redactByDefaultKey(), true).toBool());
    setContext(m_details->isEnabled(), m_traceId);
}

void ExportDialog::saveSettings(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("export"));
    settings.setValue(QStringLiteral("format"), exportFormatSuffix(options().format));
    settings.setValue(QStringLiteral("scope"), m_visible->isChecked() ? QStringLiteral("visible") : QStringLiteral("all"));
    settings.setValue(QStringLiteral("width"), m_width->value());
    settings.setValue(QStringLiteral("details"), m_details->isChecked());
    settings.setValue(QStringLiteral("directory"), m_directory);
    settings.endGroup();
}

void exportFromView(QWidget *parent, const SpanView *view, const QString &sourceLabel)
{
    if (!view || !view->trace())
        return;
    const TracePtr trace = view->trace();
    ExportDialog dialog(parent);
    QSettings settings;
    dialog.setContext(view->selectedSpan() >= 0, QString::fromUtf8(trace->traceId().data(), static_cast<qsizetype>(trace->traceId().size())));
    dialog.setViewTitle(view->currentViewTitle());
    dialog.loadSettings(settings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportOptions options = dialog.options();
    ExportSource source = exportSourceFromView(*view, options.scope);
    source.context.source = sourceLabel;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportResult result = writeExport(source, options, dialog.filePath());
    QGuiApplication::restoreOverrideCursor();
    if (!result.ok())
        QMessageBox::warning(parent, dialog.windowTitle(), result.error);
}

void exportFromCompare(QWidget *parent, const CompareView *view)
{
    if (!view)
        return;
    ExportDialog dialog(parent);
    QSettings settings;
    const auto id = [](const TracePtr &t) { return QString::fromUtf8(t->traceId().data(), static_cast<qsizetype>(t->traceId().size())); };
    dialog.setContext(false, QStringLiteral("%1-vs-%2").arg(id(view->traceA()), id(view->traceB())));
    dialog.setViewTitle(QCoreApplication::translate("td::ExportDialog", "Compare"));
    dialog.loadSettings(settings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportSource source = view->exportSource();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportResult result = writeExport(source, dialog.options(), dialog.filePath());
    QGuiApplication::restoreOverrideCursor();
    if (!result.ok())
        QMessageBox::warning(parent, dialog.windowTitle(), result.error);
}

bool copyViewImage(QWidget *parent, const SpanView *view, const QString &sourceLabel)
{
    if (!view || !view->trace())
        return false;
    QSettings settings;
    ExportOptions options;
    options.scope = settings.value(QStringLiteral("export/scope")).toString() == QLatin1String("visible") ? ExportScope::Visible : ExportScope::All;
    options.width = std::clamp(settings.value(QStringLiteral("export/width"), options.width).toInt(), ExportOptions::minWidth, ExportOptions::maxWidth);
    options.details = settings.value(QStringLiteral("export/details"), true).toBool();
    options.redact = redactByDefault();
    ExportSource source = exportSourceFromView(*view, options.scope);
    source.context.source = sourceLabel;
    QString error;
    const QImage image = renderExportImage(source, options, &error);
    if (image.isNull()) {
        QMessageBox::warning(parent, QCoreApplication::translate("td::ExportDialog", "Copy Image"), error);
        return false;
    }
    QGuiApplication::clipboard()->setImage(image);
    return true;
}

QString filterCopiedText(const QString &text)
{
    return redactByDefault() ? Redactor::redactCopiedText(text) : text;
}

} // namespace td
