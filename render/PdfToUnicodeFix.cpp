// SPDX-License-Identifier: MIT
// Repairs the ToUnicode maps that QPdfWriter writes. See Exporter::fixPdfToUnicode().
#include "Exporter.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace EcoAtlas::Exporter {

namespace {

struct RadicalEquivalent
{
    char16_t radical;
    char32_t ideograph;
};

/// CJK Radicals Supplement → equivalent unified ideograph, U+2E81…U+2EF3 (114 entries), from
/// the Unicode Character Database file EquivalentUnifiedIdeograph.txt. Noto Sans CJK maps these
/// code points to the same glyphs as the ideographs (⻢ and 马, ⻜ and 飞), and Qt's PDF writer
/// picks the lowest code point of a glyph. Kangxi radicals need no table: QChar decomposes them.
constexpr RadicalEquivalent kRadicalSupplement[] = {
        {0x2E81, 0x5382},  {0x2E82, 0x4E5B},  {0x2E83, 0x4E5A},  {0x2E84, 0x4E59},
        {0x2E85, 0x4EBB},  {0x2E86, 0x5182},  {0x2E87, 0x20628}, {0x2E88, 0x5200},
        {0x2E89, 0x5202},  {0x2E8A, 0x535C},  {0x2E8B, 0x353E},  {0x2E8C, 0x5C0F},
        {0x2E8D, 0x5C0F},  {0x2E8E, 0x5140},  {0x2E8F, 0x5C23},  {0x2E90, 0x5C22},
        {0x2E91, 0x21BC2}, {0x2E92, 0x5DF3},  {0x2E93, 0x5E7A},  {0x2E94, 0x5F51},
        {0x2E95, 0x2B739}, {0x2E96, 0x5FC4},  {0x2E97, 0x5FC3},  {0x2E98, 0x624C},
        {0x2E99, 0x6535},  {0x2E9B, 0x65E1},  {0x2E9C, 0x65E5},  {0x2E9D, 0x6708},
        {0x2E9E, 0x6B7A},  {0x2E9F, 0x6BCD},  {0x2EA0, 0x6C11},  {0x2EA1, 0x6C35},
        {0x2EA2, 0x6C3A},  {0x2EA3, 0x706C},  {0x2EA4, 0x722B},  {0x2EA5, 0x722B},
        {0x2EA6, 0x4E2C},  {0x2EA7, 0x725B},  {0x2EA8, 0x72AD},  {0x2EA9, 0x738B},
        {0x2EAA, 0x24D14}, {0x2EAB, 0x76EE},  {0x2EAC, 0x793A},  {0x2EAD, 0x793B},
        {0x2EAE, 0x25AD7}, {0x2EAF, 0x7CF9},  {0x2EB0, 0x7E9F},  {0x2EB1, 0x7F53},
        {0x2EB2, 0x7F52},  {0x2EB3, 0x34C1},  {0x2EB4, 0x5197},  {0x2EB5, 0x2626B},
        {0x2EB6, 0x7F8A},  {0x2EB7, 0x2634C}, {0x2EB8, 0x2634B}, {0x2EB9, 0x8002},
        {0x2EBA, 0x8080},  {0x2EBB, 0x807F},  {0x2EBC, 0x8089},  {0x2EBD, 0x26951},
        {0x2EBE, 0x8279},  {0x2EBF, 0x8279},  {0x2EC0, 0x8279},  {0x2EC1, 0x864E},
        {0x2EC2, 0x8864},  {0x2EC3, 0x8980},  {0x2EC4, 0x897F},  {0x2EC5, 0x89C1},
        {0x2EC6, 0x89D2},  {0x2EC7, 0x278B2}, {0x2EC8, 0x8BA0},  {0x2EC9, 0x8D1D},
        {0x2ECA, 0x27FB7}, {0x2ECB, 0x8F66},  {0x2ECC, 0x8FB6},  {0x2ECD, 0x8FB6},
        {0x2ECE, 0x8FB6},  {0x2ECF, 0x9091},  {0x2ED0, 0x9485},  {0x2ED1, 0x9577},
        {0x2ED2, 0x9578},  {0x2ED3, 0x957F},  {0x2ED4, 0x95E8},  {0x2ED5, 0x28E0F},
        {0x2ED6, 0x961D},  {0x2ED7, 0x96E8},  {0x2ED8, 0x9752},  {0x2ED9, 0x97E6},
        {0x2EDA, 0x9875},  {0x2EDB, 0x98CE},  {0x2EDC, 0x98DE},  {0x2EDD, 0x98DF},
        {0x2EDE, 0x2967F}, {0x2EDF, 0x98E0},  {0x2EE0, 0x9963},  {0x2EE1, 0x29810},
        {0x2EE2, 0x9A6C},  {0x2EE3, 0x9AA8},  {0x2EE4, 0x9B3C},  {0x2EE5, 0x9C7C},
        {0x2EE6, 0x9E1F},  {0x2EE7, 0x5364},  {0x2EE8, 0x9EA6},  {0x2EE9, 0x9EC4},
        {0x2EEA, 0x9EFE},  {0x2EEB, 0x6589},  {0x2EEC, 0x9F50},  {0x2EED, 0x6B6F},
        {0x2EEE, 0x9F7F},  {0x2EEF, 0x7ADC},  {0x2EF0, 0x9F99},  {0x2EF1, 0x9F9C},
        {0x2EF2, 0x4E80},  {0x2EF3, 0x9F9F},
};

/// The code point a reader should get back for `u`: the unified ideograph for a Kangxi
/// radical, a CJK radical-supplement form or a compatibility ideograph; a space for the tab Qt
/// picks for the space glyph; otherwise `u` itself.
char32_t preferredCodePoint(char16_t u)
{
    if (u == 0x0009)
        return 0x0020;
    if (u >= 0x2E80 && u <= 0x2EFF) {
        for (const RadicalEquivalent &r : kRadicalSupplement)
            if (r.radical == u)
                return r.ideograph;
        return u;
    }
    const bool lookAlike = (u >= 0x2F00 && u <= 0x2FDF) || (u >= 0xF900 && u <= 0xFAFF);
    if (!lookAlike)
        return u;
    const QString d = QChar(u).decomposition();
    if (d.size() == 1 && d.at(0).unicode() >= 0x3400)
        return d.at(0).unicode();
    return u;
}

/// A 4-hex-digit ToUnicode destination rewritten to the preferred code point (UTF-16BE hex,
/// 8 digits for a code point beyond the BMP).
QByteArray fixHex(const QByteArray &hex4)
{
    bool ok = false;
    const uint u = hex4.toUInt(&ok, 16);
    if (!ok || u > 0xFFFF)
        return hex4;
    const char32_t p = preferredCodePoint(char16_t(u));
    if (p == u)
        return hex4;
    const QString utf16 = QString::fromUcs4(&p, 1);
    QByteArray out;
    for (QChar c : utf16)
        out += QByteArray::number(c.unicode(), 16).toUpper().rightJustified(4, '0');
    return out;
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
        const QByteArray newHead = "<< /Length " + QByteArray::number(fixed.size())
                                   + " >>\nstream\n";
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
    std::sort(
            edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.pos < b.pos; });
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
