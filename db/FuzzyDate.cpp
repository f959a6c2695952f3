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
    static const QRegularExpression re(
            QStringLiteral(R"(^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}|early|mid|late))?))?$)"));
    const QRegularExpressionMatch m = re.match(t);
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
