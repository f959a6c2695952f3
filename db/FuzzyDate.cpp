// SPDX-License-Identifier: MIT
#include "FuzzyDate.h"

#include <QRegularExpression>

namespace EcoAtlas {

namespace {

QDate firstOfSpan(QDate d, FuzzyDate::Precision p)
{
    using P = FuzzyDate::Precision;
    switch (p) {
    case P::Day:
        return d;
    case P::EarlyMonth:
        return QDate(d.year(), d.month(), 1);
    case P::MidMonth:
        return QDate(d.year(), d.month(), 11);
    case P::LateMonth:
        return QDate(d.year(), d.month(), 21);
    case P::Month:
        return QDate(d.year(), d.month(), 1);
    case P::Quarter:
        return QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
    case P::Year:
        return QDate(d.year(), 1, 1);
    }
    return d;
}

const char *const kMonths[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char *const kMonthNames[] = {"january",
                                   "february",
                                   "march",
                                   "april",
                                   "may",
                                   "june",
                                   "july",
                                   "august",
                                   "september",
                                   "october",
                                   "november",
                                   "december"};

/// The month (1–12) of an English month name, full or abbreviated ("Oct", "Sept"), any case;
/// 0 when unknown.
int monthFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("sept"))
        return 9;
    for (int i = 0; i < 12; ++i) {
        const QLatin1String full(kMonthNames[i]);
        if (n == full || (n.size() == 3 && full.startsWith(n)))
            return i + 1;
    }
    return 0;
}

/// The text forms of FuzzyDate::fromString().
const QRegularExpression &strictForm()
{
    static const QRegularExpression re(
            QStringLiteral(R"(^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}|early|mid|late))?))?$)"));
    return re;
}

} // namespace

FuzzyDate::FuzzyDate(QDate anchor, Precision precision)
    : m_anchor(anchor.isValid() ? firstOfSpan(anchor, precision) : QDate())
    , m_precision(precision)
{}

FuzzyDate FuzzyDate::fromString(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    const QRegularExpressionMatch m = strictForm().match(t);
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return FuzzyDate();
    };
    if (!m.hasMatch())
        return fail(QStringLiteral("'%1' is not a date: use YYYY-MM-DD, YYYY-MM-early|mid|late, "
                                   "YYYY-MM, YYYY-Qn or YYYY")
                            .arg(t));
    const int year = m.captured(1).toInt();
    if (year < 1)
        return fail(QStringLiteral("'%1': year must be 1 to 9999").arg(t));
    if (!m.captured(2).isEmpty())
        return FuzzyDate(QDate(year, (m.captured(2).toInt() - 1) * 3 + 1, 1), Precision::Quarter);
    if (m.captured(3).isEmpty())
        return FuzzyDate(QDate(year, 1, 1), Precision::Year);
    const int month = m.captured(3).toInt();
    if (month < 1 || month > 12)
        return fail(QStringLiteral("'%1': month must be 01 to 12").arg(t));
    const QString part = m.captured(4);
    if (part.isEmpty())
        return FuzzyDate(QDate(year, month, 1), Precision::Month);
    if (part == QLatin1String("early"))
        return FuzzyDate(QDate(year, month, 1), Precision::EarlyMonth);
    if (part == QLatin1String("mid"))
        return FuzzyDate(QDate(year, month, 1), Precision::MidMonth);
    if (part == QLatin1String("late"))
        return FuzzyDate(QDate(year, month, 1), Precision::LateMonth);
    const QDate day(year, month, part.toInt());
    if (!day.isValid())
        return fail(QStringLiteral("'%1' is not a day of the calendar").arg(t));
    return FuzzyDate(day, Precision::Day);
}

FuzzyDate FuzzyDate::parseLoose(const QString &text, QString *error)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return {};
    if (strictForm().match(t).hasMatch())
        return fromString(t, error);

    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1'%2").arg(t, why);
        return FuzzyDate();
    };
    auto make = [&](const QString &yearText, int month, int day, Precision p) {
        const int year = yearText.toInt();
        if (year < 1)
            return fail(QStringLiteral(": year must be 1 to 9999"));
        if (month < 1 || month > 12)
            return fail(QStringLiteral(": month must be 1 to 12"));
        if (p == Precision::Day && !QDate::isValid(year, month, day))
            return fail(QStringLiteral(" is not a day of the calendar"));
        return FuzzyDate(QDate(year, month, p == Precision::Day ? day : 1), p);
    };
    auto monthOf = [&](const QString &name, int *month) {
        *month = monthFromName(name);
        return *month != 0;
    };
    auto unknownMonth = [&](const QString &name) {
        return fail(QStringLiteral(": unknown month '%1' (write e.g. October or Oct)").arg(name));
    };
    auto part = [](const QString &word) {
        const QString w = word.toLower();
        return w == QLatin1String("early") ? Precision::EarlyMonth
               : w == QLatin1String("mid") ? Precision::MidMonth
                                           : Precision::LateMonth;
    };
    auto match = [&](const QRegularExpression &re) {
        return re.match(t);
    };
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    int month = 0;

    // late October 2023, mid-Oct 2023, early Sept. 2023
    static const QRegularExpression partRe(
            QStringLiteral(R"(^(early|mid|late)[- ]([a-z]+)\.?,? (\d{4})$)"), ci);
    if (const auto m = match(partRe); m.hasMatch()) {
        if (!monthOf(m.captured(2), &month))
            return unknownMonth(m.captured(2));
        return make(m.captured(3), month, 1, part(m.captured(1)));
    }
    // October 2023, Oct 2023
    static const QRegularExpression monthRe(QStringLiteral(R"(^([a-z]+)\.?,? (\d{4})$)"), ci);
    if (const auto m = match(monthRe); m.hasMatch()) {
        if (!monthOf(m.captured(1), &month)) {
            const QString w = m.captured(1).toLower();
            if (w == QLatin1String("early") || w == QLatin1String("mid")
                || w == QLatin1String("late"))
                return fail(QStringLiteral(": there is no part of a year; write a quarter (Q4 "
                                           "2023) or the year (2023)"));
            return unknownMonth(m.captured(1));
        }
        return make(m.captured(2), month, 1, Precision::Month);
    }
    // 28 September 2023, 28th Sep 2023
    static const QRegularExpression dayMonthRe(
            QStringLiteral(R"(^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$)"), ci);
    if (const auto m = match(dayMonthRe); m.hasMatch()) {
        if (!monthOf(m.captured(2), &month))
            return unknownMonth(m.captured(2));
        return make(m.captured(3), month, m.captured(1).toInt(), Precision::Day);
    }
    // September 28, 2023
    static const QRegularExpression monthDayRe(
            QStringLiteral(R"(^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$)"), ci);
    if (const auto m = match(monthDayRe); m.hasMatch()) {
        if (!monthOf(m.captured(1), &month))
            return unknownMonth(m.captured(1));
        return make(m.captured(3), month, m.captured(2).toInt(), Precision::Day);
    }
    // Q4 2023, 2023 Q4
    static const QRegularExpression quarterRe(
            QStringLiteral(R"(^(?:Q([1-4])[ -]?(\d{4})|(\d{4})[ -]?Q([1-4]))$)"), ci);
    if (const auto m = match(quarterRe); m.hasMatch()) {
        const bool first = !m.captured(1).isEmpty();
        const int quarter = m.captured(first ? 1 : 4).toInt();
        return make(m.captured(first ? 2 : 3), (quarter - 1) * 3 + 1, 1, Precision::Quarter);
    }
    // 2023/10/28, 2023.10.28, 2023-9-5, 2023/10
    static const QRegularExpression numericRe(
            QStringLiteral(R"(^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$)"));
    if (const auto m = match(numericRe); m.hasMatch()) {
        if (m.captured(4).isEmpty())
            return make(m.captured(1), m.captured(3).toInt(), 1, Precision::Month);
        return make(m.captured(1), m.captured(3).toInt(), m.captured(4).toInt(), Precision::Day);
    }
    // 10/11/2023: day-first or month-first, nobody knows
    static const QRegularExpression ambiguousRe(
            QStringLiteral(R"(^\d{1,2}([-/.])\d{1,2}\1\d{2}(?:\d{2})?$)"));
    if (match(ambiguousRe).hasMatch())
        return fail(QStringLiteral(": is the day or the month first? write 2023-11-10 or 10 Nov "
                                   "2023"));

    // Chinese: 2023年10月28日, 2023年10月下旬, 2023年10月, 2023年第四季度, 2023年Q4, 2023年
    QString zh = t;
    zh.remove(QLatin1Char(' '));
    static const QRegularExpression zhDateRe(
            QString::fromUtf8(R"(^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号]|([上中下])旬)?)?$)"));
    if (const auto m = zhDateRe.match(zh); m.hasMatch()) {
        if (m.captured(2).isEmpty())
            return make(m.captured(1), 1, 1, Precision::Year);
        const int mon = m.captured(2).toInt();
        if (!m.captured(3).isEmpty())
            return make(m.captured(1), mon, m.captured(3).toInt(), Precision::Day);
        const QString xun = m.captured(4);
        if (xun.isEmpty())
            return make(m.captured(1), mon, 1, Precision::Month);
        const Precision p = xun == QString::fromUtf8("上")   ? Precision::EarlyMonth
                            : xun == QString::fromUtf8("中") ? Precision::MidMonth
                                                             : Precision::LateMonth;
        return make(m.captured(1), mon, 1, p);
    }
    static const QRegularExpression zhQuarterRe(
            QString::fromUtf8(R"(^(\d{4})年(?:第?([一二三四1-4])季度|Q([1-4]))$)"), ci);
    if (const auto m = zhQuarterRe.match(zh); m.hasMatch()) {
        const QString q = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
        static const QString zhDigits = QString::fromUtf8("一二三四");
        const int quarter = zhDigits.contains(q) ? zhDigits.indexOf(q) + 1 : q.toInt();
        return make(m.captured(1), (quarter - 1) * 3 + 1, 1, Precision::Quarter);
    }

    return fail(QStringLiteral(" is not a date: write e.g. 2023-10-28, 28 Oct 2023, Oct 28, 2023, "
                               "late Oct 2023, Oct 2023, Q4 2023, 2023, 2023/10/28, 2023年10月28日 "
                               "or 2023年10月下旬"));
}

QDate FuzzyDate::earliest() const
{
    return m_anchor;
}

QDate FuzzyDate::latest() const
{
    if (!isValid())
        return {};
    switch (m_precision) {
    case Precision::Day:
        return m_anchor;
    case Precision::EarlyMonth:
        return QDate(m_anchor.year(), m_anchor.month(), 10);
    case Precision::MidMonth:
        return QDate(m_anchor.year(), m_anchor.month(), 20);
    case Precision::LateMonth:
    case Precision::Month:
        return QDate(m_anchor.year(), m_anchor.month(), m_anchor.daysInMonth());
    case Precision::Quarter:
        return m_anchor.addMonths(3).addDays(-1);
    case Precision::Year:
        return QDate(m_anchor.year(), 12, 31);
    }
    return m_anchor;
}

QString FuzzyDate::toString() const
{
    if (!isValid())
        return {};
    const QString y = QStringLiteral("%1").arg(m_anchor.year(), 4, 10, QLatin1Char('0'));
    const QString ym = QStringLiteral("%1-%2").arg(y).arg(
            m_anchor.month(), 2, 10, QLatin1Char('0'));
    switch (m_precision) {
    case Precision::Day:
        return QStringLiteral("%1-%2").arg(ym).arg(m_anchor.day(), 2, 10, QLatin1Char('0'));
    case Precision::EarlyMonth:
        return ym + QStringLiteral("-early");
    case Precision::MidMonth:
        return ym + QStringLiteral("-mid");
    case Precision::LateMonth:
        return ym + QStringLiteral("-late");
    case Precision::Month:
        return ym;
    case Precision::Quarter:
        return QStringLiteral("%1-Q%2").arg(y).arg((m_anchor.month() - 1) / 3 + 1);
    case Precision::Year:
        return y;
    }
    return {};
}

QString FuzzyDate::toDisplayString() const
{
    if (!isValid())
        return QStringLiteral("date unknown");
    const QString mon = QString::fromLatin1(kMonths[m_anchor.month() - 1]);
    const QString year = QString::number(m_anchor.year());
    switch (m_precision) {
    case Precision::Day:
        return QStringLiteral("%1 %2 %3").arg(m_anchor.day()).arg(mon, year);
    case Precision::EarlyMonth:
        return QStringLiteral("early %1 %2").arg(mon, year);
    case Precision::MidMonth:
        return QStringLiteral("mid %1 %2").arg(mon, year);
    case Precision::LateMonth:
        return QStringLiteral("late %1 %2").arg(mon, year);
    case Precision::Month:
        return QStringLiteral("%1 %2").arg(mon, year);
    case Precision::Quarter:
        return QStringLiteral("Q%1 %2").arg((m_anchor.month() - 1) / 3 + 1).arg(year);
    case Precision::Year:
        return year;
    }
    return {};
}

QString FuzzyDate::spanText() const
{
    if (!isValid())
        return {};
    const QDate a = earliest();
    const QDate b = latest();
    auto mon = [](QDate d) {
        return QString::fromLatin1(kMonths[d.month() - 1]);
    };
    const QString year = QString::number(a.year());
    const QChar dash(0x2013);
    switch (m_precision) {
    case Precision::Day:
        return QStringLiteral("%1 %2 %3").arg(a.day()).arg(mon(a), year);
    case Precision::EarlyMonth:
    case Precision::MidMonth:
    case Precision::LateMonth:
    case Precision::Month:
        return QStringLiteral("%1%2%3 %4 %5").arg(a.day()).arg(dash).arg(b.day()).arg(mon(a), year);
    case Precision::Quarter:
    case Precision::Year:
        return QStringLiteral("%1 %2 %3 %4 %5 %6")
                .arg(QString::number(a.day()),
                     mon(a),
                     dash,
                     QString::number(b.day()),
                     mon(b),
                     year);
    }
    return {};
}

QString FuzzyDate::precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Day:
        return QStringLiteral("day");
    case Precision::EarlyMonth:
        return QStringLiteral("early_month");
    case Precision::MidMonth:
        return QStringLiteral("mid_month");
    case Precision::LateMonth:
        return QStringLiteral("late_month");
    case Precision::Month:
        return QStringLiteral("month");
    case Precision::Quarter:
        return QStringLiteral("quarter");
    case Precision::Year:
        return QStringLiteral("year");
    }
    return {};
}

bool operator<(const FuzzyDate &a, const FuzzyDate &b)
{
    if (a.isValid() != b.isValid())
        return !a.isValid();
    if (a.m_anchor != b.m_anchor)
        return a.m_anchor < b.m_anchor;
    return a.m_precision < b.m_precision;
}

} // namespace EcoAtlas
