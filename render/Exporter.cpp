// SPDX-License-Identifier: MIT
#include "Exporter.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

namespace EcoAtlas::Exporter {

std::optional<Format> formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("png"))
        return Format::Png;
    if (n == QLatin1String("svg"))
        return Format::Svg;
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

std::optional<Format> formatFromPath(const QString &path)
{
    return formatFromName(QFileInfo(path).suffix());
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<QByteArray> render(const Options &o, const PaintFunction &paint, QString *error)
{
    const QSizeF size = o.size;
    if (!(size.width() >= 16 && size.height() >= 16 && size.width() <= 20000
          && size.height() <= 20000)) {
        *error = QStringLiteral("size %1x%2 is out of range (16 to 20000 pixels a side)")
                         .arg(size.width())
                         .arg(size.height());
        return std::nullopt;
    }
    if (o.dpi < 24 || o.dpi > 2400) {
        *error = QStringLiteral("DPI %1 is out of range (24 to 2400)").arg(o.dpi);
        return std::nullopt;
    }
    const QRectF target(QPointF(0, 0), size);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    switch (o.format) {
    case Format::Png: {
        const double scale = o.dpi / 96.0;
        const QSize pixels = (size * scale).toSize();
        if (qint64(pixels.width()) * pixels.height() > 400'000'000LL) {
            *error = QStringLiteral("%1x%2 pixels is too large an image (400 megapixels at most)")
                             .arg(pixels.width())
                             .arg(pixels.height());
            return std::nullopt;
        }
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            *error = QStringLiteral("not enough memory for a %1x%2 image")
                             .arg(pixels.width())
                             .arg(pixels.height());
            return std::nullopt;
        }
        image.setDotsPerMeterX(qRound(o.dpi / 0.0254));
        image.setDotsPerMeterY(qRound(o.dpi / 0.0254));
        image.fill(o.transparent ? Qt::transparent : Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                                   | QPainter::SmoothPixmapTransform);
            painter.scale(scale, scale);
            paint(painter, target);
        }
        if (!image.save(&buffer, "PNG")) {
            *error = QStringLiteral("encoding the PNG failed");
            return std::nullopt;
        }
        return bytes;
    }
    case Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size.toSize());
        generator.setViewBox(target);
        generator.setResolution(96);
        // QSvgGenerator writes its title and description verbatim, so markup in a landscape's
        // title would become live SVG (a <script>, or an ill-formed file): they are left
        // empty here (it would write "Qt SVG Document" otherwise) and written, escaped, by
        // withTitle() below.
        generator.setTitle(QString());
        generator.setDescription(QString());
        {
            QPainter painter;
            if (!painter.begin(&generator)) {
                *error = QStringLiteral("cannot start the SVG writer");
                return std::nullopt;
            }
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            if (!o.transparent)
                painter.fillRect(target, Qt::white);
            paint(painter, target);
        }
        return withTitle(sanitizeSvg(bytes), o.title, QStringLiteral("Made with EcoAtlas"));
    }
    case Format::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setResolution(96);
        writer.setTitle(o.title);
        writer.setCreator(QStringLiteral("EcoAtlas"));
        writer.setPageSize(QPageSize(size * 72.0 / 96.0,
                                     QPageSize::Point,
                                     QStringLiteral("EcoAtlas figure"),
                                     QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        {
            QPainter painter;
            if (!painter.begin(&writer)) {
                *error = QStringLiteral("cannot start the PDF writer");
                return std::nullopt;
            }
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            // The page is exactly the figure; map the figure's pixels onto it.
            const QRect page = painter.viewport();
            painter.scale(page.width() / size.width(), page.height() / size.height());
            if (!o.transparent)
                painter.fillRect(target, Qt::white);
            paint(painter, target);
        }
        return fixPdfToUnicode(bytes);
    }
    }
    return std::nullopt;
}

bool checkTarget(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (path.isEmpty()) {
        *error = QStringLiteral("no output file given");
        return false;
    }
    if (!info.absoluteDir().exists()) {
        *error = QStringLiteral("%1: the folder %2 does not exist")
                         .arg(path, info.absoluteDir().path());
        return false;
    }
    if (info.isDir()) {
        *error = QStringLiteral("%1 is a folder, not a file").arg(path);
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!checkTarget(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: writing failed (%2)").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool exportToFile(const Options &o, const PaintFunction &paint, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!checkTarget(o.path, error))
        return false;
    const std::optional<QByteArray> bytes = render(o, paint, error);
    return bytes && writeFile(o.path, *bytes, error);
}

QString xmlEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        // XML 1.0 Char: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and the
        // supplementary planes (a valid surrogate pair, above). Everything else is dropped.
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || c.isSurrogate() || u == 0xFFFE
            || u == 0xFFFF)
            continue;
        switch (u) {
        case '<':
            out.append(QLatin1String("&lt;"));
            break;
        case '>':
            out.append(QLatin1String("&gt;"));
            break;
        case '&':
            out.append(QLatin1String("&amp;"));
            break;
        case '"':
            out.append(QLatin1String("&quot;"));
            break;
        case '\'':
            out.append(QLatin1String("&apos;"));
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

QByteArray withTitle(const QByteArray &svg, const QString &title, const QString &description)
{
    const qsizetype open = svg.indexOf("<svg");
    const qsizetype end = open < 0 ? -1 : svg.indexOf('>', open);
    if (end < 0)
        return svg;
    QByteArray meta;
    if (!title.isEmpty())
        meta += "<title>" + xmlEscaped(title).toUtf8() + "</title>\n";
    if (!description.isEmpty())
        meta += "<desc>" + xmlEscaped(description).toUtf8() + "</desc>\n";
    if (meta.isEmpty())
        return svg;
    QByteArray out = svg;
    out.insert(end + 1, "\n" + meta);
    return out;
}

QByteArray sanitizeSvg(const QByteArray &svg)
{
    QByteArray out;
    out.reserve(svg.size());
    for (char ch : svg) {
        const auto c = static_cast<unsigned char>(ch);
        // XML 1.0 allows tab, newline and carriage return among the C0 controls, nothing else.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        out.append(ch);
    }
    out.replace("fill=\"\"", "fill=\"none\"");
    out.replace("stroke=\"\"", "stroke=\"none\"");
    // Name generic fallbacks after the family Qt wrote, so a renderer without the exact
    // family still picks a CJK-capable sans-serif font.
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(out);
    // Noncharacters XML forbids, which drawn text may carry (the UTF-8 pass above sees bytes).
    text.remove(QChar(0xFFFE));
    text.remove(QChar(0xFFFF));
    text.replace(family,
                 QStringLiteral("font-family=\"\\1, 'Noto Sans CJK SC', 'Noto Sans SC', "
                                "'Source Han Sans SC', sans-serif\""));
    return text.toUtf8();
}

} // namespace EcoAtlas::Exporter
