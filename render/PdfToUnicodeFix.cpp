// SPDX-License-Identifier: MIT
// Repairs the ToUnicode maps that QPdfWriter writes. See Exporter::fixPdfToUnicode().
#include "Exporter.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace EcoAtlas::Exporter {

namespace {

/// The code point a reader should get back for `u`: the unified ideograph for a Kangxi
/// radical, a CJK radical-supplement form or a compatibility ideograph (its decomposition),
/// a space for the tab Qt picks for the space glyph; otherwise `u` itself.
char16_t preferredCodePoint(char16_t u)
{
    if (u == 0x0009)
        return 0x0020;
    const bool lookAlike = (u >= 0x2E80 && u <= 0x2FDF) || (u >= 0xF900 && u <= 0xFAFF);
    if (!lookAlike)
        return u;
    const QString d = QChar(u).decomposition();
    if (d.size() == 1 && d.at(0).unicode() >= 0x3400)
        return d.at(0).unicode();
    return u;
}

QByteArray fixHex(const QByteArray &hex4)
{
    bool ok = false;
    const uint u = hex4.toUInt(&ok, 16);
    if (!ok || u > 0xFFFF)
        return hex4;
    const char16_t p = preferredCodePoint(char16_t(u));
    if (p == u)
        return hex4;
    return QByteArray::number(uint(p), 16).toUpper().rightJustified(4, '0');
}

/// Rewrites the destination codes of one ToUnicode CMap.
QByteArray fixCMap(const QByteArray &cmap)
{
    QList<QByteArray> lines = cmap.split('\n');
    enum { None, Range, Char } section = None;
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    for (QByteArray &line : lines) {
        const QByteArray t = line.trimmed();
        if (t.endsWith("beginbfrange")) {
            section = Range;
            continue;
        }
        if (t.endsWith("beginbfchar")) {
            section = Char;
            continue;
        }
        if (t == "endbfrange" || t == "endbfchar") {
            section = None;
            continue;
        }
        if (section == None)
            continue;
        // Skip the source code(s): one for bfchar, two (lo, hi) for bfrange.
        const int skip = section == Char ? 1 : 2;
        QString s = QString::fromLatin1(line);
        int pos = 0;
        for (int i = 0; i < skip; ++i) {
            const QRegularExpressionMatch m = hex.match(s, pos);
            if (!m.hasMatch())
                break;
            pos = int(m.capturedEnd());
        }
        if (section == Range) {
            // "<lo> <hi> <dst>" with lo != hi maps a run; changing dst would shift the run.
            const QList<QByteArray> parts = t.split(' ');
            if (parts.size() == 3 && parts[0] != parts[1])
                continue;
        }
        QString out = s.left(pos);
        QRegularExpressionMatchIterator it = hex.globalMatch(s, pos);
        int last = pos;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += s.mid(last, m.capturedStart() - last);
            out += QLatin1Char('<') + QString::fromLatin1(fixHex(m.captured(1).toLatin1()))
                    + QLatin1Char('>');
            last = int(m.capturedEnd());
        }
        out += s.mid(last);
        line = out.toLatin1();
    }
    return lines.join('\n');
}

struct Edit
{
    qsizetype pos;
    qsizetype oldLength;
    QByteArray replacement;
};

} // namespace

QByteArray fixPdfToUnicode(const QByteArray &pdf)
{
    if (!pdf.startsWith("%PDF-"))
        return pdf;
    // 1. Collect edits: each uncompressed ToUnicode stream Qt wrote as
    //    "<< /Length N >>\nstream\n<cmap>endstream".
    QList<Edit> edits;
    static const QRegularExpression streamHead(QStringLiteral("<< /Length (\\d+) >>\\nstream\\n$"));
    qsizetype from = 0;
    while (true) {
        const qsizetype cmapStart = pdf.indexOf("/CIDInit /ProcSet findresource begin", from);
        if (cmapStart < 0)
            break;
        from = cmapStart + 1;
        const qsizetype headStart = pdf.lastIndexOf("<< /Length ", cmapStart);
        if (headStart < 0)
            continue;
        const QString head = QString::fromLatin1(pdf.mid(headStart, cmapStart - headStart));
        const QRegularExpressionMatch m = streamHead.match(head);
        if (!m.hasMatch())
            continue;
        const qsizetype length = m.captured(1).toLongLong();
        if (cmapStart + length > pdf.size()
            || pdf.mid(cmapStart + length).left(20).indexOf("endstream") < 0)
            continue;
        const QByteArray cmap = pdf.mid(cmapStart, length);
        const QByteArray fixed = fixCMap(cmap);
        if (fixed == cmap)
            continue;
        const QByteArray newHead = "<< /Length " + QByteArray::number(fixed.size()) + " >>\nstream\n";
        edits.append({headStart, cmapStart + length - headStart, newHead + fixed});
    }
    if (edits.isEmpty())
        return pdf;

    // 2. Locate the cross-reference table; give up (return the input) on anything unexpected.
    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (sx < 0)
        return pdf;
    static const QRegularExpression startxref(QStringLiteral("^startxref\\s+(\\d+)"));
    const QRegularExpressionMatch sm = startxref.match(QString::fromLatin1(pdf.mid(sx, 40)));
    if (!sm.hasMatch())
        return pdf;
    const qsizetype xrefPos = sm.captured(1).toLongLong();
    if (xrefPos <= 0 || xrefPos >= sx || !pdf.mid(xrefPos).startsWith("xref"))
        return pdf;
    for (const Edit &e : edits)
        if (e.pos + e.oldLength > xrefPos)
            return pdf;

    auto shifted = [&](qsizetype offset) {
        qsizetype delta = 0;
        for (const Edit &e : edits)
            if (e.pos < offset)
                delta += e.replacement.size() - e.oldLength;
        return offset + delta;
    };

    // 3. Rebuild: body with edits applied, xref with shifted offsets, trailer, new startxref.
    QByteArray out;
    out.reserve(pdf.size() + 1024);
    qsizetype cursor = 0;
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.pos < b.pos; });
    for (const Edit &e : edits) {
        out += pdf.mid(cursor, e.pos - cursor);
        out += e.replacement;
        cursor = e.pos + e.oldLength;
    }
    out += pdf.mid(cursor, xrefPos - cursor);
    const qsizetype newXrefPos = out.size();
    const QByteArray xrefAndTrailer = pdf.mid(xrefPos, sx - xrefPos);
    static const QRegularExpression entry(QStringLiteral("^(\\d{10}) (\\d{5}) n"));
    for (const QByteArray &line : xrefAndTrailer.split('\n')) {
        const QRegularExpressionMatch m = entry.match(QString::fromLatin1(line));
        if (m.hasMatch()) {
            const qsizetype offset = shifted(m.captured(1).toLongLong());
            out += QByteArray::number(offset).rightJustified(10, '0') + ' '
                    + m.captured(2).toLatin1() + " n " + '\n';
        } else {
            out += line + '\n';
        }
    }
    out.chop(1); // split() added one line too many
    out += "startxref\n" + QByteArray::number(newXrefPos) + "\n%%EOF\n";
    return out;
}

} // namespace EcoAtlas::Exporter
