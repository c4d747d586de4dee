#include "exporter.h"
#include "tracecompare.h"

#include "redaction.h"
#include "traceexportrenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::Exporter", text);
}

// Larger pictures are more than viewers and chat tools take; beyond them PDF pages are the answer.
constexpr qreal maxImageSide = 60000;
constexpr qreal maxImagePixels = 250e6;

QString writeError(const QString &path, const QString &why)
{
    return tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), why);
}

} // namespace

QImage renderExportImage(const ExportSource &source, const ExportOptions &options, QString *error, int *redactedCount)
{
    const TraceExportRenderer renderer(source, options);
    const qreal w = renderer.width();
    const qreal h = renderer.singlePageHeight();
    qreal ratio = std::max<qreal>(1, options.pixelRatio);
    // Long traces: give up pixel density before giving up the picture.
    while (ratio > 1 && (h * ratio > maxImageSide || w * h * ratio * ratio > maxImagePixels))
        ratio = std::max<qreal>(1, ratio - 0.5);
    if (h * ratio > maxImageSide || w * h * ratio * ratio > maxImagePixels) {
        if (error)
            *error = tr("%1 rows are too many for one picture; export a PDF, collapse spans or choose the visible range")
                         .arg(source.rows.size());
        return {};
    }
    QImage image(QSize(static_cast<int>(std::ceil(w * ratio)), static_cast<int>(std::ceil(h * ratio))), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = tr("not enough memory for a picture this large");
        return {};
    }
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    renderer.paintPage(&painter, renderer.wholePage(), h);
    painter.end();
    if (redactedCount)
        *redactedCount = renderer.redactedCount();
    return image;
}

QString renderIncidentMarkdown(const ExportSource &source, const ExportOptions &options, const QString &imageName, int *redactedCount)
{
    if (!source.trace)
        return {};
    Redactor redactor(options.redact);
    ExportContext context = source.context;
    context.imageName = imageName;
    QString md;
    if (source.compareWith) {
        // A compare tab: the table of the biggest slowdowns, then the picture.
        md = redactor.text(compareMarkdown(TraceCompare::build(*source.trace, *source.compareWith, source.showRawTimes),
                                           *source.trace, *source.compareWith, 10));
        if (!imageName.isEmpty())
            md += QStringLiteral("\n![Comparison](%1)\n").arg(imageName);
    } else {
        md = incidentSummaryMarkdown(*source.trace, context, redactor);
    }
    if (redactedCount)
        *redactedCount = redactor.redactedCount();
    return md;
}

ExportResult writeExport(const ExportSource &source, const ExportOptions &options, const QString &path)
{
    ExportResult result;
    if (!source.trace) {
        result.error = tr("there is no trace to export");
        return result;
    }
    try {
        switch (options.format) {
        case ExportFormat::Png: {
            const QImage image = renderExportImage(source, options, &result.error, &result.redactedCount);
            if (image.isNull())
                return result;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            result.pageCount = 1;
            break;
        }
        case ExportFormat::Svg: {
            const TraceExportRenderer renderer(source, options);
            const qreal h = renderer.singlePageHeight();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            QSvgGenerator svg;
            svg.setOutputDevice(&file);
            const QSize size(static_cast<int>(std::ceil(renderer.width())), static_cast<int>(std::ceil(h)));
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setResolution(96);
            svg.setTitle(renderer.title());
            svg.setDescription(tr("Exported by TraceDesk"));
            QPainter painter(&svg);
            renderer.paintPage(&painter, renderer.wholePage(), h);
            painter.end();
            if (!file.commit()) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            result.redactedCount = renderer.redactedCount();
            result.pageCount = 1;
            break;
        }
        case ExportFormat::Pdf: {
            const TraceExportRenderer renderer(source, options);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            QPdfWriter pdf(&file);
            pdf.setResolution(300);
            pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
            pdf.setTitle(renderer.title());
            pdf.setCreator(QStringLiteral("TraceDesk"));
            const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
            const qreal scale = page.width() / renderer.width();
            const qreal pageHeight = page.height() / scale;
            const auto pages = renderer.paginate(pageHeight);
            QPainter painter;
            if (!painter.begin(&pdf)) {
                result.error = writeError(path, tr("the PDF writer did not start"));
                return result;
            }
            painter.scale(scale, scale);
            for (std::size_t i = 0; i < pages.size(); ++i) {
                if (i > 0)
                    pdf.newPage();
                renderer.paintPage(&painter, pages[i], pageHeight);
            }
            painter.end();
            if (!file.commit()) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            result.redactedCount = renderer.redactedCount();
            result.pageCount = static_cast<int>(pages.size());
            break;
        }
        case ExportFormat::Markdown: {
            const QFileInfo info(path);
            const QString imagePath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".png"));
            ExportOptions imageOptions = options;
            imageOptions.format = ExportFormat::Png;
            const ExportResult image = writeExport(source, imageOptions, imagePath);
            if (!image.ok())
                return image;
            const QString md = renderIncidentMarkdown(source, options, QFileInfo(imagePath).fileName(), &result.redactedCount);
            const QByteArray bytes = md.toUtf8();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
                result.error = writeError(path, file.errorString());
                return result;
            }
            result.files << path << imagePath;
            result.pageCount = 1;
            return result;
        }
        }
    } catch (const std::exception &e) {
        result.error = writeError(path, QString::fromLocal8Bit(e.what()));
        return result;
    }
    result.files << path;
    return result;
}

} // namespace td
