#pragma once

#include "exportoptions.h"

#include <QImage>
#include <QString>
#include <QStringList>

namespace td {

struct ExportResult
{
    QString error;      // empty on success; one line for a person
    QStringList files;  // written, the main file first (Markdown: the .md, then the picture beside it)
    int redactedCount = 0;
    int pageCount = 0;  // PDF pages; 1 for a picture

    bool ok() const { return error.isEmpty(); }
};

// Writes the export in options.format to path. Markdown writes the picture beside it as BASENAME.png and
// refers to it by name. Never throws; a failure leaves no partial file.
ExportResult writeExport(const ExportSource &source, const ExportOptions &options, const QString &path);

// The export as an image (PNG export, Copy image) at options.pixelRatio; a null image and the reason
// when the trace is too long for one picture.
QImage renderExportImage(const ExportSource &source, const ExportOptions &options, QString *error = nullptr,
                         int *redactedCount = nullptr);

// The Markdown incident summary of source's trace; the image named imageName is referred to when not empty.
QString renderIncidentMarkdown(const ExportSource &source, const ExportOptions &options, const QString &imageName,
                               int *redactedCount = nullptr);

} // namespace td
