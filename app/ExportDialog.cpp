// SPDX-License-Identifier: MIT
#include "ExportDialog.h"

#include "LandscapeDocument.h"
#include "ViewExport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace EcoAtlas {

ExportDialog::ExportDialog(LandscapeDocument *document,
                           LiveViews live,
                           const QString &view,
                           const FigureOptions &figure,
                           QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_live(live)
    , m_figure(figure)
    , m_view(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_width(new QDoubleSpinBox(this))
    , m_height(new QDoubleSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_dpi(new QSpinBox(this))
    , m_transparent(new QCheckBox(tr("Transparent background"), this))
    , m_useAsOf(new QCheckBox(tr("As of"), this))
    , m_asOf(new QDateEdit(this))
    , m_labels(new QComboBox(this))
    , m_pixels(new QLabel(this))
    , m_confirmation(new QLabel(this))
{
    setWindowTitle(tr("Export View"));
    for (const QString &v : ViewExport::viewNames())
        m_view->addItem(ViewExport::displayName(v), v);
    m_view->setCurrentIndex(qMax(0, m_view->findData(view)));
    m_format->addItem(QStringLiteral("PNG"), QStringLiteral("png"));
    m_format->addItem(QStringLiteral("SVG"), QStringLiteral("svg"));
    m_format->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    m_unit->addItem(tr("pixels"), 1.0);
    m_unit->addItem(tr("mm"), 96.0 / 25.4);
    for (QDoubleSpinBox *s : {m_width, m_height}) {
        s->setRange(16, 20000);
        s->setDecimals(0);
    }
    m_dpi->setRange(24, 2400);
    m_dpi->setValue(96);
    m_dpi->setSuffix(tr(" dpi"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    // The view's own date; with none (all dates), the last date of the landscape's sources,
    // ready for ticking "As of".
    QDate lastSource;
    for (const Source &src : document->landscape().sources)
        if (src.date.isValid() && (!lastSource.isValid() || src.date.latest() > lastSource))
            lastSource = src.date.latest();
    m_asOf->setDate(figure.asOf.isValid()  ? figure.asOf
                    : lastSource.isValid() ? lastSource
                                           : QDate::currentDate());
    m_asOf->setAccessibleName(tr("As-of date"));
    m_useAsOf->setToolTip(tr("Export the landscape as of the date (the view's date by default)"));
    m_labels->addItem(tr("English and Chinese"), QStringLiteral("both"));
    m_labels->addItem(tr("English"), QStringLiteral("en"));
    m_labels->addItem(tr("Chinese"), QStringLiteral("zh"));

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_unit);
    auto *natural = new QPushButton(tr("Natural Size"), this);
    sizeRow->addWidget(natural);
    auto *asOfRow = new QHBoxLayout;
    asOfRow->addWidget(m_useAsOf);
    asOfRow->addWidget(m_asOf, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("&View:"), m_view);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("&Resolution (PNG):"), m_dpi);
    form->addRow(QString(), m_pixels);
    form->addRow(tr("Date:"), asOfRow);
    form->addRow(tr("&Labels:"), m_labels);
    form->addRow(QString(), m_transparent);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    QPushButton *copyButton = buttons->addButton(tr("&Copy to Clipboard"),
                                                 QDialogButtonBox::ActionRole);
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ExportDialog::exportToFile);
    connect(copyButton, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(natural, &QPushButton::clicked, this, &ExportDialog::resetSize);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_confirmation->setWordWrap(true);
    m_confirmation->setTextFormat(Qt::PlainText);
    m_confirmation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_confirmation);
    layout->addWidget(buttons);

    auto updatePixels = [this] {
        const QSizeF px = exportOptions().size;
        const double scale = m_format->currentData() == QLatin1String("png") ? m_dpi->value() / 96.0
                                                                             : 1.0;
        m_pixels->setText(tr("%1 × %2 pixels")
                                  .arg(qRound(px.width() * scale))
                                  .arg(qRound(px.height() * scale)));
        m_dpi->setEnabled(m_format->currentData() == QLatin1String("png"));
    };
    connect(m_width, &QDoubleSpinBox::valueChanged, this, updatePixels);
    connect(m_height, &QDoubleSpinBox::valueChanged, this, updatePixels);
    connect(m_dpi, &QSpinBox::valueChanged, this, updatePixels);
    connect(m_format, &QComboBox::currentIndexChanged, this, updatePixels);
    double previousFactor = 1.0;
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this, previousFactor]() mutable {
        const double f = unitFactor();
        m_width->setDecimals(f == 1.0 ? 0 : 1);
        m_height->setDecimals(f == 1.0 ? 0 : 1);
        m_width->setValue(m_width->value() * previousFactor / f);
        m_height->setValue(m_height->value() * previousFactor / f);
        previousFactor = f;
    });
    connect(m_asOf, &QDateEdit::dateChanged, this, [this] { m_useAsOf->setChecked(true); });

    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    m_format->setCurrentIndex(
            qMax(0, m_format->findData(s.value(QStringLiteral("format"), QStringLiteral("png")))));
    m_dpi->setValue(s.value(QStringLiteral("dpi"), 96).toInt());
    m_transparent->setChecked(s.value(QStringLiteral("transparent"), false).toBool());
    s.endGroup();
    static const QStringList labelNames{
            QStringLiteral("en"), QStringLiteral("zh"), QStringLiteral("both")};
    m_labels->setCurrentIndex(qMax(0, m_labels->findData(labelNames.at(int(figure.labels)))));
    m_useAsOf->setChecked(figure.asOf.isValid());
    connect(m_view, &QComboBox::currentIndexChanged, this, &ExportDialog::resetSize);
    resetSize();
    updatePixels();
}

double ExportDialog::unitFactor() const
{
    return m_unit->currentData().toDouble();
}

QString ExportDialog::view() const
{
    return m_view->currentData().toString();
}

FigureOptions ExportDialog::figureOptions() const
{
    FigureOptions f = m_figure;
    f.asOf = QDate();
    if (m_useAsOf->isChecked())
        f.asOf = m_asOf->date();
    FigureOptions::parseLabels(m_labels->currentData().toString(), &f.labels);
    return f;
}

Exporter::Options ExportDialog::exportOptions() const
{
    Exporter::Options o;
    o.format = *Exporter::formatFromName(m_format->currentData().toString());
    o.size = QSizeF(m_width->value(), m_height->value()) * unitFactor();
    o.dpi = m_dpi->value();
    o.transparent = m_transparent->isChecked();
    return o;
}

void ExportDialog::resetSize()
{
    const std::optional<QSizeF> s = ViewExport::naturalSize(
            view(), *m_document, figureOptions(), m_live);
    if (!s)
        return;
    m_width->setValue(s->width() / unitFactor());
    m_height->setValue(s->height() / unitFactor());
}

void ExportDialog::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    s.setValue(QStringLiteral("format"), m_format->currentData());
    s.setValue(QStringLiteral("dpi"), m_dpi->value());
    s.setValue(QStringLiteral("transparent"), m_transparent->isChecked());
    s.setValue(QStringLiteral("labels"), m_labels->currentData());
}

void ExportDialog::exportToFile()
{
    Exporter::Options o = exportOptions();
    const QString suffix = Exporter::formatName(o.format);
    QSettings s;
    const QString dir = s.value(QStringLiteral("export/dir"),
                                QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                                .toString();
    o.path = QFileDialog::getSaveFileName(this,
                                          tr("Export View"),
                                          QDir(dir).filePath(view() + QLatin1Char('.') + suffix),
                                          tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (o.path.isEmpty())
        return;
    if (QFileInfo(o.path).suffix().isEmpty())
        o.path += QLatin1Char('.') + suffix;
    s.setValue(QStringLiteral("export/dir"), QFileInfo(o.path).path());
    QString error;
    if (!exportTo(o.path, &error)) {
        QMessageBox box(QMessageBox::Warning,
                        tr("Export failed"),
                        tr("Export failed"),
                        QMessageBox::Ok,
                        this);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(error);
        box.exec();
        return;
    }
    accept();
}

bool ExportDialog::exportTo(const QString &path, QString *error)
{
    Exporter::Options o = exportOptions();
    o.path = path;
    saveSettings();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = ViewExport::exportView(view(), *m_document, figureOptions(), o, error, m_live);
    QApplication::restoreOverrideCursor();
    if (!ok)
        return false;
    const QString message = tr("Exported %1 to %2")
                                    .arg(m_view->currentText(), QDir::toNativeSeparators(path));
    m_confirmation->setText(message);
    emit exported(message);
    return true;
}

void ExportDialog::copyToClipboard()
{
    QString error;
    if (!copyTo(&error))
        QMessageBox::warning(this, tr("Copy failed"), error.toHtmlEscaped());
}

bool ExportDialog::copyTo(QString *error)
{
    Exporter::Options o = exportOptions();
    o.format = Exporter::Format::Png;
    const std::optional<QByteArray> png = ViewExport::renderView(
            view(), *m_document, figureOptions(), o, error, m_live);
    if (!png)
        return false;
    const QImage image = QImage::fromData(*png, "PNG");
    QApplication::clipboard()->setImage(image);
    saveSettings();
    const QString message = tr("Copied %1 to the clipboard (%2 × %3 pixels)")
                                    .arg(m_view->currentText())
                                    .arg(image.width())
                                    .arg(image.height());
    m_confirmation->setText(message);
    emit exported(message);
    return true;
}

} // namespace EcoAtlas
