// SPDX-License-Identifier: MIT
// Hostile strings through the SVG export path (issue 11, item 1): a title or a drawn label that
// is markup must come out as text, in a well-formed SVG without a <script> element.
#include "Exporter.h"
#include "FigureStyle.h"

#include <QPainter>
#include <QTest>
#include <QXmlStreamReader>

using namespace EcoAtlas;

namespace {

struct Parsed
{
    QString error;        ///< empty when the SVG is well-formed
    QStringList elements; ///< every element name, in document order
    QString title;        ///< text of the root's <title>
    QString description;  ///< text of the root's <desc>
    QStringList texts;    ///< text of every <text> element
};

Parsed parse(const QByteArray &svg)
{
    Parsed p;
    QXmlStreamReader xml(svg);
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            current = xml.name().toString();
            p.elements << current;
            if (current == QLatin1String("title"))
                p.title = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (current == QLatin1String("desc"))
                p.description = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (current == QLatin1String("text"))
                p.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
    }
    if (xml.hasError())
        p.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return p;
}

QByteArray renderSvg(const QString &title, const QString &label)
{
    Exporter::Options o;
    o.format = Exporter::Format::Svg;
    o.size = QSizeF(400, 200);
    o.title = title;
    QString error;
    const std::optional<QByteArray> bytes = Exporter::render(
            o,
            [&](QPainter &p, const QRectF &) {
                p.setPen(Qt::black);
                p.drawText(QPointF(10, 50), label);
            },
            &error);
    if (!bytes)
        qWarning("render failed: %s", qPrintable(error));
    return bytes.value_or(QByteArray());
}

} // namespace

class TestHostileSvg : public QObject
{
    Q_OBJECT
private slots:
    void markupIsText_data()
    {
        QTest::addColumn<QString>("hostile");
        QTest::newRow("title-script")
                << QStringLiteral("</title><script>alert(document.domain)</script><title>");
        QTest::newRow("text-script") << QStringLiteral("</text><script>alert(1)</script><text>");
        QTest::newRow("entities") << QStringLiteral("&amp; &lt;b&gt; &#x3C;script&#x3E; &bogus;");
        QTest::newRow("quotes") << QStringLiteral("\"' onload=\"alert(1)\" x='");
        QTest::newRow("cdata") << QStringLiteral("<![CDATA[ ]]> <!-- --> <?xml ?>");
        QTest::newRow("doctype") << QStringLiteral("<!DOCTYPE x [<!ENTITY e \"boom\">]>&e;");
    }
    void markupIsText()
    {
        QFETCH(QString, hostile);
        const QByteArray svg = renderSvg(hostile, hostile);
        QVERIFY(!svg.isEmpty());
        const Parsed p = parse(svg);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error + QLatin1Char('\n') + svg.left(800)));
        QVERIFY2(!p.elements.contains(QStringLiteral("script")), svg.left(800).constData());
        QCOMPARE(p.elements.count(QStringLiteral("title")), 1);
        QCOMPARE(p.elements.first(), QStringLiteral("svg"));
        QCOMPARE(p.elements.at(1), QStringLiteral("title")); // the title is the root's
        QCOMPARE(p.title, hostile);                          // shown literally
        QCOMPARE(p.description, QStringLiteral("Made with EcoAtlas"));
        QVERIFY2(p.texts.join(QString()).contains(hostile), qPrintable(p.texts.join(u'|')));
    }

    // Characters XML 1.0 cannot hold (C0 controls, noncharacters) are dropped, the rest kept.
    void illegalCharactersAreDropped()
    {
        const QString hostile = QStringLiteral("a\x01"
                                               "b\x1B"
                                               "c")
                                + QChar(0xFFFE) + QChar(0xFFFF) + QStringLiteral("d\te");
        const QByteArray svg = renderSvg(hostile, hostile);
        const Parsed p = parse(svg);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.title, QStringLiteral("abcd\te"));
        QVERIFY2(p.texts.join(QString()).contains(QStringLiteral("abcd")),
                 qPrintable(p.texts.join(u'|')));
    }

    // Issue 11, items 4 and 9: drawn text is cut (with an ellipsis) and loses the bidi
    // controls that would reorder the text around it.
    void plainTextCapsLength()
    {
        const QString huge = QStringLiteral("Baidu ") + QString(100000, QLatin1Char('x'));
        const QString text = FigureStyle::plainText(huge);
        QCOMPARE(text.size(), FigureStyle::kMaxTextLength);
        QVERIFY(text.startsWith(QStringLiteral("Baidu xxx")));
        QCOMPARE(text.back(), QChar(0x2026));
        const QString label = FigureStyle::plainText(huge, FigureStyle::kMaxLabelLength);
        QCOMPARE(label.size(), FigureStyle::kMaxLabelLength);
        QCOMPARE(label.back(), QChar(0x2026));
        // Short texts are untouched; the cut never splits a surrogate pair.
        QCOMPARE(FigureStyle::plainText(QStringLiteral("阿里云 Alibaba Cloud"), 20),
                 QStringLiteral("阿里云 Alibaba Cloud"));
        const QString emoji = QStringLiteral("ab") + QStringLiteral("😀").repeated(10);
        QCOMPARE(FigureStyle::plainText(emoji, 4), QStringLiteral("ab…")); // not half of 😀
        QCOMPARE(FigureStyle::plainText(emoji, 5), QStringLiteral("ab😀…"));
        QCOMPARE(FigureStyle::plainText(emoji, 6), QStringLiteral("ab😀…"));
        QVERIFY(FigureStyle::kMaxTextLength >= 700); // the longest text of the seed is 686
    }
    void plainTextDropsBidiControls()
    {
        const QString hostile = QStringLiteral("Evil\u202Ecorp\u202A\u202B\u202C\u202D"
                                               "\u2066\u2067\u2068\u2069 阿里云");
        QCOMPARE(FigureStyle::plainText(hostile), QStringLiteral("Evilcorp 阿里云"));
        QCOMPARE(FigureStyle::plainText(QStringLiteral("a\nb\tc\x01")),
                 QStringLiteral("a b c\uFFFD"));
    }

    void xmlEscaped()
    {
        QCOMPARE(Exporter::xmlEscaped(QStringLiteral("<a href=\"x\">&'</a>")),
                 QStringLiteral("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"));
        QCOMPARE(Exporter::xmlEscaped(QStringLiteral("阿里云 😀")), QStringLiteral("阿里云 😀"));
        QCOMPARE(Exporter::xmlEscaped(QString(QChar(0xD800)) + QStringLiteral("x")),
                 QStringLiteral("x"));
    }
};

QTEST_MAIN(TestHostileSvg)
#include "tst_hostilesvg.moc"
