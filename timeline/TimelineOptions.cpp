// SPDX-License-Identifier: MIT
#include "TimelineOptions.h"

#include "CurrencyRates.h"

#include <QRegularExpression>

namespace EcoAtlas {

QString TimelineOptions::validate() const
{
    if (!CurrencyRates::currencies().contains(currency))
        return QStringLiteral("currency '%1' has no rate (use %2)")
                .arg(currency, CurrencyRates::currencies().join(QStringLiteral(" or ")));
    if (from.isValid() && to.isValid() && from > to)
        return QStringLiteral("the range starts (%1) after it ends (%2)")
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    if (mode != CursorMode::AsOf) {
        if (!compareFrom.isValid() || !figure.asOf.isValid())
            return QStringLiteral("range and compare modes need two dates");
        if (compareFrom > figure.asOf)
            return QStringLiteral("date A (%1) is after date B (%2)")
                    .arg(compareFrom.toString(Qt::ISODate), figure.asOf.toString(Qt::ISODate));
    }
    return {};
}

std::optional<QDate> TimelineOptions::parseDate(const QString &text, bool endOfSpan)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    if (year < 1)
        return std::nullopt;
    if (m.captured(2).isEmpty())
        return endOfSpan ? QDate(year, 12, 31) : QDate(year, 1, 1);
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    if (m.captured(3).isEmpty()) {
        const QDate first(year, month, 1);
        return endOfSpan ? first.addMonths(1).addDays(-1) : first;
    }
    const QDate day(year, month, m.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return day;
}

std::optional<Granularity> TimelineOptions::parseGranularity(const QString &text)
{
    for (Granularity g :
         {Granularity::Auto, Granularity::Month, Granularity::Quarter, Granularity::Year}) {
        if (text == granularityName(g))
            return g;
    }
    return std::nullopt;
}

QString granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Auto:
        return QStringLiteral("auto");
    case Granularity::Month:
        return QStringLiteral("month");
    case Granularity::Quarter:
        return QStringLiteral("quarter");
    case Granularity::Year:
        return QStringLiteral("year");
    }
    return {};
}

} // namespace EcoAtlas
