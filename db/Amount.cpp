// SPDX-License-Identifier: MIT
#include "Amount.h"

#include <QList>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace EcoAtlas {

namespace {
/// "about 4 billion USD", "up to …", "over …", "at least …"; exact and undisclosed unchanged.
QString withQualifier(Amount::Qualifier qualifier, const QString &text)
{
    switch (qualifier) {
    case Amount::Qualifier::About:
        return QStringLiteral("about ") + text;
    case Amount::Qualifier::UpTo:
        return QStringLiteral("up to ") + text;
    case Amount::Qualifier::Over:
        return QStringLiteral("over ") + text;
    case Amount::Qualifier::AtLeast:
        return QStringLiteral("at least ") + text;
    case Amount::Qualifier::Exact:
    case Amount::Qualifier::Undisclosed:
        break;
    }
    return text;
}
} // namespace

QString Amount::qualifierName(Qualifier q)
{
    return qualifierNames().at(static_cast<int>(q));
}

std::optional<Amount::Qualifier> Amount::qualifierFromName(const QString &name)
{
    const int i = qualifierNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Qualifier>(i);
}

QStringList Amount::qualifierNames()
{
    static const QStringList names{QStringLiteral("exact"),
                                   QStringLiteral("about"),
                                   QStringLiteral("up_to"),
                                   QStringLiteral("over"),
                                   QStringLiteral("at_least"),
                                   QStringLiteral("undisclosed")};
    return names;
}

QString Amount::formatNumber(double value)
{
    const QLocale c(QLocale::English);
    const double a = std::fabs(value);
    auto scaled = [&](double div, const char *word) {
        return QStringLiteral("%1 %2").arg(c.toString(value / div, 'g', 6), QLatin1String(word));
    };
    if (a >= 1e12)
        return scaled(1e12, "trillion");
    if (a >= 1e9)
        return scaled(1e9, "billion");
    if (a >= 1e6)
        return scaled(1e6, "million");
    if (value == std::floor(value))
        return c.toString(static_cast<qlonglong>(value));
    return c.toString(value, 'g', 6);
}

QString Amount::toDisplayString(const QString &unit) const
{
    if (!value)
        return QStringLiteral("undisclosed");
    QString text = formatNumber(*value);
    if (!currency.isEmpty())
        text += QLatin1Char(' ') + currency;
    else if (unit == QLatin1String("percent"))
        text += QLatin1Char('%');
    else if (!unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    return withQualifier(qualifier, text);
}

namespace {

using Qualifier = Amount::Qualifier;

enum class LexKind { QualifierBefore, QualifierAfter, Currency, Scale, Percent, Undisclosed };

/// A known word or symbol of amount text.
struct Lexeme
{
    QString text;
    LexKind kind;
    Qualifier qualifier = Qualifier::Exact;
    QString currency;
    int exponent = 0; ///< power of ten, for scales
    bool cjk = false; ///< Chinese scale characters multiply when written together (千万 = 1e7)
};

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

const QList<Lexeme> &lexemes()
{
    static const QList<Lexeme> list = [] {
        QList<Lexeme> l;
        auto q = [&](LexKind kind, Qualifier qual, std::initializer_list<const char *> words) {
            for (const char *w : words)
                l.append({QString::fromUtf8(w), kind, qual, {}, 0, false});
        };
        auto c = [&](const char *code, std::initializer_list<const char *> words) {
            for (const char *w : words)
                l.append({QString::fromUtf8(w),
                          LexKind::Currency,
                          Qualifier::Exact,
                          QString::fromLatin1(code),
                          0,
                          false});
        };
        auto s = [&](int exponent, bool cjk, std::initializer_list<const char *> words) {
            for (const char *w : words)
                l.append({QString::fromUtf8(w),
                          LexKind::Scale,
                          Qualifier::Exact,
                          {},
                          exponent,
                          cjk});
        };
        const LexKind before = LexKind::QualifierBefore;
        const LexKind after = LexKind::QualifierAfter;
        q(before,
          Qualifier::UpTo,
          {"up to",
           "as much as",
           "as many as",
           "at most",
           "no more than",
           "最多",
           "高达",
           "多达",
           "不超过"});
        q(before,
          Qualifier::Over,
          {"over", "more than", "above", "in excess of", "upwards of", "超过", "逾", "超"});
        q(before,
          Qualifier::About,
          {"about",
           "around",
           "approximately",
           "approx.",
           "approx",
           "roughly",
           "circa",
           "~",
           "≈",
           "约",
           "大约"});
        q(before,
          Qualifier::AtLeast,
          {"at least", "no less than", "no fewer than", "至少", "不少于"});
        q(after, Qualifier::AtLeast, {"or more", "以上"});
        q(after, Qualifier::About, {"or so", "左右"});
        q(LexKind::Undisclosed,
          Qualifier::Undisclosed,
          {"undisclosed", "not disclosed", "未披露", "未公开", "未透露"});
        q(LexKind::Percent, Qualifier::Exact, {"%", "％", "percent", "per cent"});

        for (const char *code :
             {"USD", "EUR", "GBP", "JPY", "CNY", "HKD", "TWD", "KRW", "INR", "CAD", "AUD",
              "SGD", "CHF", "SEK", "NOK", "DKK", "RUB", "BRL", "MXN", "ZAR", "AED", "SAR",
              "ILS", "NZD", "MYR", "THB", "IDR", "VND", "PHP", "TRY", "PLN"})
            c(code, {code});
        c("USD",
          {"US$", "$", "dollars", "dollar", "US dollars", "US dollar", "U.S. dollars", "美元"});
        c("CNY", {"RMB", "CN¥", "¥", "￥", "yuan", "renminbi", "元", "人民币"});
        c("HKD", {"HK$", "HK dollars", "Hong Kong dollars", "港元", "港币"});
        c("TWD", {"NT$", "新台币"});
        c("SGD", {"S$"});
        c("AUD", {"A$", "AU$"});
        c("CAD", {"C$", "CA$"});
        c("JPY", {"JP¥", "yen", "日元"});
        c("EUR", {"€", "euros", "euro", "欧元"});
        c("GBP", {"£", "pounds", "pound", "sterling", "英镑"});
        c("KRW", {"₩", "won", "韩元"});
        c("INR", {"₹", "rupees", "rupee"});

        s(3, false, {"k", "thousand"});
        s(6, false, {"m", "mn", "mln", "million"});
        s(9, false, {"b", "bn", "billion"});
        s(12, false, {"tn", "trillion"});
        s(1, true, {"十"});
        s(2, true, {"百"});
        s(3, true, {"千"});
        s(4, true, {"万", "萬"});
        s(8, true, {"亿", "億"});

        // Longest first, so that "HK$" wins over "$", "超过" over "超", "bn" over "b".
        std::stable_sort(l.begin(), l.end(), [](const Lexeme &a, const Lexeme &b) {
            return a.text.size() > b.text.size();
        });
        return l;
    }();
    return list;
}

/// The lexeme at `pos` of `t`, or nullptr. Latin words must stand alone ("overly" is not "over").
const Lexeme *lexemeAt(const QString &t, qsizetype pos)
{
    const QStringView rest = QStringView(t).mid(pos);
    if (pos > 0 && isAsciiLetter(t.at(pos - 1)) && isAsciiLetter(t.at(pos)))
        return nullptr;
    for (const Lexeme &lex : lexemes()) {
        if (!rest.startsWith(lex.text, Qt::CaseInsensitive))
            continue;
        const qsizetype end = lex.text.size();
        if (isAsciiLetter(lex.text.back()) && end < rest.size() && isAsciiLetter(rest.at(end)))
            continue;
        return &lex;
    }
    return nullptr;
}

/// Checks the digits of a number; returns an error message or an empty string.
QString checkNumber(const QString &number)
{
    static const QRegularExpression plain(QStringLiteral(R"(^\d+(?:\.\d+)?$)"));
    static const QRegularExpression grouped(
            QStringLiteral(R"(^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$)"));
    if (plain.match(number).hasMatch() || grouped.match(number).hasMatch())
        return {};
    if (!number.contains(QLatin1Char(',')))
        return QStringLiteral("'%1' is not a number: use '.' once, as the decimal point")
                .arg(number);
    const QStringList parts = number.split(QLatin1Char(','));
    QStringList ways;
    if (parts.size() == 2 && !number.contains(QLatin1Char('.'))) {
        ways << parts[0] + QLatin1Char('.') + parts[1];
        const QString thousands = parts[0] + QLatin1Char(',')
                                  + parts[1].leftJustified(3, QLatin1Char('0'));
        if (parts[1].size() < 3 && grouped.match(thousands).hasMatch())
            ways << thousands;
    }
    const QString how = ways.isEmpty()
                                ? QStringLiteral("use '.' for decimals and ',' only between "
                                                 "groups of three digits, as in 1,230,000.5")
                                : QStringLiteral("write ") + ways.join(QStringLiteral(" or "));
    return QStringLiteral("'%1': is the comma a thousands separator or a decimal point? %2")
            .arg(number, how);
}

QString quoted(const QStringList &words)
{
    QStringList q;
    for (const QString &w : words)
        q << QLatin1Char('\'') + w + QLatin1Char('\'');
    return q.join(QStringLiteral(", "));
}

} // namespace

std::optional<Amount> Amount::parse(const QString &text, bool money, QString *error)
{
    const QString t = text.simplified();
    auto fail = [&](const QString &why) -> std::optional<Amount> {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(t, why);
        return std::nullopt;
    };
    Amount result; // undisclosed, no value
    if (t.isEmpty())
        return result;

    enum class Last { None, Number, Scale, Other };
    Last last = Last::None;
    bool lastScaleCjk = false;
    QString number;
    QString numberError;
    int exponent = 0;
    std::optional<Qualifier> qualifier;
    QString qualifierWord;
    QString currencyWord;
    bool percent = false;
    bool undisclosed = false;
    QStringList unknown;
    QString misplaced; // the first structural problem

    static const QRegularExpression numberRe(QStringLiteral(R"(\d(?:[\d,.]*\d)?)"));
    qsizetype pos = 0;
    while (pos < t.size()) {
        const QChar ch = t.at(pos);
        if (ch.isSpace()) {
            ++pos;
            continue;
        }
        if (ch >= QLatin1Char('0') && ch <= QLatin1Char('9')) {
            const QString tok = numberRe.match(t,
                                               pos,
                                               QRegularExpression::NormalMatch,
                                               QRegularExpression::AnchorAtOffsetMatchOption)
                                        .captured();
            pos += tok.size();
            if (!number.isEmpty()) {
                if (misplaced.isEmpty())
                    misplaced = QStringLiteral("more than one number ('%1', '%2')")
                                        .arg(number, tok);
            } else {
                number = tok;
                numberError = checkNumber(tok);
            }
            last = Last::Number;
            continue;
        }
        const Lexeme *lex = lexemeAt(t, pos);
        if (!lex) {
            // An unknown word: a whole Latin word, or everything up to something known.
            qsizetype end = pos + 1;
            if (isAsciiLetter(ch)) {
                while (end < t.size() && isAsciiLetter(t.at(end)))
                    ++end;
            } else {
                while (end < t.size() && !t.at(end).isSpace() && !t.at(end).isDigit()
                       && !isAsciiLetter(t.at(end)) && !lexemeAt(t, end))
                    ++end;
            }
            unknown << t.mid(pos, end - pos);
            pos = end;
            last = Last::Other;
            continue;
        }
        const QString tok = t.mid(pos, lex->text.size());
        pos += lex->text.size();
        auto setMisplaced = [&](const QString &why) {
            if (misplaced.isEmpty())
                misplaced = why;
        };
        Last next = Last::Other;
        switch (lex->kind) {
        case LexKind::QualifierBefore:
        case LexKind::QualifierAfter:
            if (qualifier)
                setMisplaced(QStringLiteral("more than one qualifier ('%1', '%2')")
                                     .arg(qualifierWord, tok));
            else if (lex->kind == LexKind::QualifierBefore && !number.isEmpty())
                setMisplaced(QStringLiteral("'%1' must come before the number").arg(tok));
            else if (lex->kind == LexKind::QualifierAfter && number.isEmpty())
                setMisplaced(QStringLiteral("'%1' must come after the number").arg(tok));
            qualifier = lex->qualifier;
            qualifierWord = tok;
            break;
        case LexKind::Currency:
            if (!result.currency.isEmpty() && result.currency != lex->currency)
                setMisplaced(QStringLiteral("two currencies ('%1' is %2, '%3' is %4)")
                                     .arg(currencyWord, result.currency, tok, lex->currency));
            if (result.currency.isEmpty()) {
                result.currency = lex->currency;
                currencyWord = tok;
            }
            break;
        case LexKind::Scale:
            if (last == Last::Number && exponent == 0) {
                exponent = lex->exponent;
            } else if (last == Last::Scale && lastScaleCjk && lex->cjk) {
                exponent += lex->exponent;
            } else {
                setMisplaced(QStringLiteral("'%1' must follow the number").arg(tok));
            }
            lastScaleCjk = lex->cjk;
            next = Last::Scale;
            break;
        case LexKind::Percent:
            if (last != Last::Number && last != Last::Scale)
                setMisplaced(QStringLiteral("'%1' must follow the number").arg(tok));
            percent = true;
            break;
        case LexKind::Undisclosed:
            undisclosed = true;
            break;
        }
        last = next;
    }

    if (!numberError.isEmpty()) {
        if (error)
            *error = numberError;
        return std::nullopt;
    }
    static const QRegularExpression chineseNumeral(
            QString::fromUtf8("^[零〇一二两三四五六七八九]+$"));
    for (const QString &word : std::as_const(unknown)) {
        if (chineseNumeral.match(word).hasMatch())
            return fail(QStringLiteral("write the number in digits, e.g. 25亿 (unknown word '%1')")
                                .arg(word));
    }
    if (!unknown.isEmpty())
        return fail(
                QStringLiteral("unknown %1 %2 (write e.g. 'up to $4 billion', "
                               "'about 100,000', '¥25亿')")
                        .arg(unknown.size() == 1 ? QStringLiteral("word") : QStringLiteral("words"),
                             quoted(unknown)));
    if (!misplaced.isEmpty())
        return fail(misplaced);
    if (!money && !result.currency.isEmpty())
        return fail(QStringLiteral("a count has no currency"));
    if (undisclosed) {
        if (!number.isEmpty() || qualifier || percent)
            return fail(QStringLiteral("an undisclosed amount has no number or qualifier"));
        return result;
    }
    if (number.isEmpty())
        return fail(QStringLiteral("no number (write e.g. 'up to $4 billion', 'about 100,000')"));
    if (money && percent)
        return fail(QStringLiteral("a percentage is not an amount of money"));
    QString digits = number;
    digits.remove(QLatin1Char(','));
    bool ok = false;
    const double value = QStringLiteral("%1e%2").arg(digits).arg(exponent).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return fail(QStringLiteral("the number is too large"));
    result.value = value;
    result.qualifier = qualifier.value_or(Qualifier::Exact);
    return result;
}

QString Amount::toInputString() const
{
    if (!value)
        return currency.isEmpty() ? QStringLiteral("undisclosed")
                                  : QStringLiteral("undisclosed ") + currency;
    const double v = *value;
    const QLocale en(QLocale::English);
    QString text;
    static const struct
    {
        double divisor;
        int exponent;
        const char *word;
    } scales[] = {{1e12, 12, "trillion"}, {1e9, 9, "billion"}, {1e6, 6, "million"}};
    for (const auto &s : scales) {
        if (std::fabs(v) < s.divisor)
            continue;
        const double scaled = v / s.divisor;
        const QString digits = QString::number(scaled, 'f', QLocale::FloatingPointShortest);
        // Only when the scaled form reads back exactly; otherwise write all digits.
        if (QStringLiteral("%1e%2").arg(digits).arg(s.exponent).toDouble() == v)
            text = en.toString(scaled, 'f', QLocale::FloatingPointShortest) + QLatin1Char(' ')
                   + QLatin1String(s.word);
        break;
    }
    if (text.isEmpty())
        text = en.toString(v, 'f', QLocale::FloatingPointShortest);
    if (!currency.isEmpty())
        text += QLatin1Char(' ') + currency;
    return withQualifier(qualifier, text);
}

} // namespace EcoAtlas
