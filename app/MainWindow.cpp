// SPDX-License-Identifier: MIT
#include "MainWindow.h"
#include "Exporter.h"

#include <QPainter>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSaveFile>

#include "DetailsPanel.h"
#include "ExportDialog.h"
#include "HistoryPanel.h"
#include "LandscapeDocument.h"
#include "LandscapeImport.h"
#include "LandscapeJson.h"
#include "LandscapeStore.h"
#include "LandscapeTableModels.h"
#include "NetworkDiagramModel.h"
#include "NetworkPage.h"
#include "NetworkView.h"
#include "RecordForm.h"
#include "SphereMapModel.h"
#include "SpherePage.h"
#include "SphereView.h"
#include "TablePage.h"
#include "TieComparison.h"
#include "TimelineExport.h"
#include "TimelinePage.h"
#include "ViewState.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <algorithm>
#include <memory>

namespace EcoAtlas {

namespace {
constexpr int kMaxRecent = 8;

/// Shows every text of `box` (text and informative text) as plain text: names in them are
/// data, and "<b>x</b>" must show as typed. QMessageBox::setTextFormat covers the main text only.
void makePlain(QMessageBox &box)
{
    box.setTextFormat(Qt::PlainText);
    for (QLabel *label : box.findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText);
}
const char *const kFileFilter = "EcoAtlas landscapes (*.ecoatlas *.sqlite *.db);;All files (*)";
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new LandscapeDocument(this))
    , m_state(new ViewState(this))
    , m_undo(m_document->undoStack())
    , m_network(new NetworkDiagramModel(m_document, this))
    , m_spheres(new SphereMapModel(m_document, this))
    , m_tabs(new QTabWidget(this))
    , m_networkPage(new NetworkPage(m_document, m_network, m_state, m_undo, m_tabs))
    , m_spherePage(new SpherePage(m_spheres, m_state, m_tabs, m_undo))
    , m_details(new DetailsPanel(m_document, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/ecoatlas.svg")));

    auto *organizations = new OrganizationModel(m_document, this);
    connect(organizations, &OrganizationModel::editRefused, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Not changed: %1").arg(message), 10000);
    });
    auto *ties = new TieModel(m_document, this);
    auto *products = new ProductModel(m_document, this);
    auto *figures = new FigureModel(m_document, this);
    auto *sources = new SourceModel(m_document, this);
    auto *deals = new DealModel(m_document, this);
    auto *sectors = new SectorModel(m_document, this);
    // Tables name organizations in the language chosen for labels (network tool bar).
    m_tableModels = {organizations, ties, products, figures, sources, deals, sectors};
    connect(m_state, &ViewState::labelLanguageChanged, this, [this](LabelLanguage labels) {
        for (LandscapeTableModel *m : std::as_const(m_tableModels))
            m->setLabelLanguage(labels);
    });
    for (LandscapeTableModel *m : std::as_const(m_tableModels))
        m->setLabelLanguage(m_state->labelLanguage());

    m_tabs->addTab(m_networkPage, tr("Network"));
    m_tabs->addTab(m_spherePage, tr("Spheres"));
    m_timelinePage = new TimelinePage(m_document, ties, figures, m_state, m_tabs);
    m_tabs->addTab(m_timelinePage, tr("Timelines"));
    connect(m_timelinePage,
            &TimelinePage::cursorModeChanged,
            this,
            [this](CursorMode mode, QDate dateA) {
                m_state->setCompareFrom(mode == CursorMode::Compare ? dateA : QDate());
                // Range mode reaches the network and the sphere map too, not only the charts.
                m_state->setRangeFrom(mode == CursorMode::Range ? dateA : QDate());
            });
    connect(m_state, &ViewState::compareFromChanged, this, &MainWindow::updateChanges);
    connect(m_state, &ViewState::asOfChanged, this, &MainWindow::updateChanges);
    connect(m_state, &ViewState::timeBasisChanged, this, &MainWindow::updateChanges);
    auto addPage = [this](QAbstractItemModel *model,
                          const QString &kind,
                          bool roles,
                          const QString &title) {
        auto *page = new TablePage(model, kind, roles, m_tabs);
        page->setObjectName(title);
        page->view()->setAccessibleName(tr("%1 table").arg(title));
        page->view()->setToolTip(tr("Click a row to select its organization everywhere; click "
                                    "a column header to sort"));
        m_tabs->addTab(page, title);
        m_pages.append(page);
        connect(page,
                &TablePage::organizationActivated,
                m_state,
                &ViewState::setSelectedOrganization);
        connect(page, &TablePage::addRequested, this, [this](RecordKind kind, const QString &tie) {
            addRecord(kind, tie);
        });
        connect(page, &TablePage::editRequested, this, [this](RecordKind kind, qint64 id) {
            editRecord(kind, id);
        });
        connect(page, &TablePage::deleteRequested, this, [this](RecordKind kind, qint64 id) {
            deleteRecord(kind, id);
        });
        connect(page, &TablePage::mergeRequested, this, [this](qint64 id) {
            mergeOrganization(id);
        });
        connect(page, &TablePage::showInNetworkRequested, this, [this](qint64 id) {
            m_tabs->setCurrentWidget(m_networkPage);
            m_networkPage->view()->centreOn(id);
        });
    };
    addPage(organizations, {}, true, tr("Organizations"));
    addPage(ties, QStringLiteral("hosting"), false, tr("Hosting"));
    addPage(ties, QStringLiteral("investment"), false, tr("Investments"));
    addPage(ties, QStringLiteral("chip_order"), false, tr("Chip orders"));
    addPage(ties, QStringLiteral("partnership"), false, tr("Partnerships"));
    addPage(ties, QStringLiteral("ownership"), false, tr("Ownership"));
    addPage(ties, QStringLiteral("backing"), false, tr("Backing"));
    addPage(ties, QStringLiteral("compatibility"), false, tr("Compatibility"));
    addPage(ties, QStringLiteral("serves"), false, tr("Sectors served"));
    addPage(ties, {}, false, tr("All ties"));
    addPage(products, {}, false, tr("Products"));
    addPage(figures, {}, false, tr("Figures and claims"));
    addPage(sources, {}, false, tr("Sources"));
    addPage(deals, {}, false, tr("Deals"));
    addPage(sectors, {}, false, tr("Sectors"));
    connect(m_state,
            &ViewState::selectedOrganizationChanged,
            this,
            &MainWindow::selectOrganization);

    // A short first-run hint above the tabs: what to do first; dismissed for good.
    m_hint = new QFrame(this);
    m_hint->setObjectName(QStringLiteral("FirstRunHint"));
    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hint->setAutoFillBackground(true);
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::Window, QColor(0xff, 0xf8, 0xdc));
    hintPalette.setColor(QPalette::WindowText, QColor(0x33, 0x33, 0x33));
    m_hint->setPalette(hintPalette);
    auto *hintText = new QLabel(
            tr("<b>Start here:</b> type a company in the search box (Ctrl+F) to see its ties; "
               "click a node for its sources in Details (Ctrl+D); move the time cursor on the "
               "Timelines tab (Alt+3) to see the landscape on a date; File › Export View "
               "(Ctrl+E) makes a figure. Help › Keyboard Shortcuts (F1) lists every key."),
            m_hint);
    hintText->setWordWrap(true);
    hintText->setTextFormat(Qt::RichText);
    auto *hintClose = new QToolButton(m_hint);
    hintClose->setText(tr("Got it"));
    hintClose->setAccessibleName(tr("Dismiss the hint"));
    hintClose->setToolTip(tr("Hide this hint; it will not show again"));
    auto *hintLayout = new QHBoxLayout(m_hint);
    hintLayout->setContentsMargins(8, 4, 8, 4);
    hintLayout->addWidget(hintText, 1);
    hintLayout->addWidget(hintClose);
    connect(hintClose, &QToolButton::clicked, this, [this] {
        m_hint->hide();
        QSettings().setValue(QStringLiteral("window/hintDismissed"), true);
    });
    m_hint->setVisible(!QSettings().value(QStringLiteral("window/hintDismissed"), false).toBool());
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(2);
    centralLayout->addWidget(m_hint);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_tabs->setAccessibleName(tr("Views"));
    connect(m_networkPage, &NetworkPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_networkPage->view(),
            &NetworkView::contextMenuRequested,
            this,
            [this](qint64 id, const QPoint &globalPos) {
                QMenu *menu = createOrganizationMenu(id);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(globalPos);
            });
    connect(m_networkPage->view(), &NetworkView::tieDrawn, this, [this](qint64 from, qint64 to) {
        addRecord(RecordKind::Tie, QStringLiteral("partnership"), from, to);
    });
    // A deleted (or merged) organization is no longer selected anywhere.
    connect(m_document, &LandscapeDocument::landscapeChanged, this, [this] {
        const RowId selected = m_state->selectedOrganization();
        if (selected && !m_document->landscape().organization(selected))
            m_state->setSelectedOrganization(0);
    });
    connect(m_document, &LandscapeDocument::changeFailed, this, [this](const QString &message) {
        showError(tr("The change could not be written"), message);
    });

    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("DetailsDock"));
    dock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_details->setMinimumWidth(280);

    createActions();
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QMenu *add = edit->addMenu(tr("&Add"));
    const QList<std::tuple<RecordKind, QString, QKeySequence>> adds{
            {RecordKind::Organization,
             tr("&Organization…"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
            {RecordKind::Tie, tr("&Tie…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
            {RecordKind::Source, tr("&Source…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
            {RecordKind::Figure,
             tr("&Figure or Claim…"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)},
            {RecordKind::Product, tr("&Product…"), QKeySequence()},
            {RecordKind::Deal, tr("&Deal…"), QKeySequence()},
            {RecordKind::Sector, tr("S&ector…"), QKeySequence()},
    };
    for (const auto &[kind, text, keys] : adds) {
        QAction *a = add->addAction(text, this, [this, kind = kind] {
            // A tie added from a tie table starts with that table's kind.
            auto *page = qobject_cast<TablePage *>(m_tabs->currentWidget());
            addRecord(kind,
                      page && page->recordKind() == RecordKind::Tie ? page->kindFilter()
                                                                    : QString(),
                      kind == RecordKind::Tie ? m_state->selectedOrganization() : 0);
        });
        a->setShortcut(keys);
        m_editActions.append(a);
    }
    QAction *editSelected = edit->addAction(tr("&Edit Selected Organization…"), this, [this] {
        if (const RowId id = m_state->selectedOrganization())
            editRecord(RecordKind::Organization, id);
        else
            statusBar()->showMessage(tr("Select an organization first (click a node or a row)"),
                                     6000);
    });
    editSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    QAction *mergeSelected = edit->addAction(
            tr("&Merge Selected Organization Into…"), this, [this] {
                if (const RowId id = m_state->selectedOrganization())
                    mergeOrganization(id);
                else
                    statusBar()->showMessage(
                            tr("Select an organization first (click a node or a row)"), 6000);
            });
    QAction *deleteSelected = edit->addAction(tr("&Delete Selected Organization…"), this, [this] {
        if (const RowId id = m_state->selectedOrganization())
            deleteRecord(RecordKind::Organization, id);
        else
            statusBar()->showMessage(tr("Select an organization first (click a node or a row)"),
                                     6000);
    });
    deleteSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_editActions << editSelected << mergeSelected << deleteSelected;
    connect(m_document, &LandscapeDocument::landscapeReset, this, &MainWindow::updateEditActions);
    connect(m_document, &LandscapeDocument::landscapeReset, m_undo, &QUndoStack::clear);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(dock->toggleViewAction());
    dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    // The change history: every edit with who, when, old and new value; revert; CSV export.
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("HistoryDock"));
    historyDock->setWidget(new HistoryPanel(m_document, historyDock));
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    historyDock->hide();
    viewMenu->addAction(historyDock->toggleViewAction());
    historyDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QAction *find = viewMenu->addAction(tr("&Find…"), this, [this] {
        QLineEdit *field = nullptr;
        if (auto *page = qobject_cast<TablePage *>(m_tabs->currentWidget()))
            field = page->searchField();
        else if (m_tabs->currentWidget() == m_networkPage)
            field = m_networkPage->searchField();
        if (field) {
            field->setFocus();
            field->selectAll();
        }
    });
    find->setShortcut(QKeySequence::Find);
    for (int i = 0; i < m_tabs->count() && i < 9; ++i) {
        QAction *tab = viewMenu->addAction(
                m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        tab->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }
    // Everything on the network tool bar, reachable from the keyboard (Alt+N).
    QMenu *network = menuBar()->addMenu(tr("&Network"));
    const QList<QAction *> commands = m_networkPage->commands();
    for (QAction *a : commands)
        network->addAction(a);
    network->addSeparator();
    for (const QString &name :
         {QStringLiteral("Ties"), QStringLiteral("Evidence"), QStringLiteral("Roles")})
        if (QToolButton *b = m_networkPage->filterButton(name)) {
            QMenu *filter = b->menu();
            filter->setTitle(tr("%1 Filter").arg(name));
            network->addMenu(filter);
        }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    keys->setStatusTip(tr("List every keyboard shortcut"));
    help->addAction(tr("Show the &First-Run Hint"), this, [this] {
        QSettings().remove(QStringLiteral("window/hintDismissed"));
        m_hint->show();
    });
    help->addSeparator();
    help->addAction(tr("&About EcoAtlas"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    connect(m_document, &LandscapeDocument::landscapeReset, this, &MainWindow::updateTitle);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 800);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *emptyAct = file->addAction(
            tr("New &Empty Landscape…"), this, &MainWindow::newEmptyFile);
    emptyAct->setShortcut(QKeySequence::New);
    emptyAct->setStatusTip(
            tr("Create a new landscape file with no records, for your own reporting"));
    QAction *newAct = file->addAction(tr("&New from Seed Landscape…"), this, &MainWindow::newFile);
    newAct->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    newAct->setStatusTip(tr("Create a new landscape file holding the bundled seed landscape"));
    QAction *openAct = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    openAct->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction *importAct = file->addAction(
            tr("&Import Landscape JSON…"), this, [this] { importFile(); });
    importAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAct->setStatusTip(tr("Merge a landscape JSON file into this landscape: see what is new, "
                               "matched and skipped before anything is written"));
    m_editActions.append(importAct);
    QAction *copyAct = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    copyAct->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *exportAct = file->addAction(tr("&Export View…"), this, &MainWindow::exportView);
    // Ctrl+E, and Ctrl+Shift+E for when a text field has the focus (line edits take Ctrl+E).
    exportAct->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    QAction *printAct = file->addAction(tr("&Print…"), this, &MainWindow::print);
    printAct->setShortcut(QKeySequence::Print);
    printAct->setStatusTip(tr("Print the view on screen, fitted to the page, with its legend and "
                              "sources"));
    QAction *previewAct = file->addAction(tr("Print Pre&view…"), this, &MainWindow::printPreview);
    previewAct->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    if (!m_document->open(path, Database::Mode::ReadWrite, &error)) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    addRecent(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Opened %1: %2 organizations, %3 ties, %4 sources")
                                     .arg(QDir::toNativeSeparators(path))
                                     .arg(m_document->landscape().organizations.size())
                                     .arg(m_document->landscape().ties.size())
                                     .arg(m_document->landscape().sources.size()),
                             10000);
    return true;
}

void MainWindow::selectOrganization(RowId id)
{
    m_state->setSelectedOrganization(id);
    m_details->showOrganization(id);
    for (TablePage *page : std::as_const(m_pages))
        if (page != m_tabs->currentWidget() || id == 0)
            page->selectOrganization(id);
}

void MainWindow::updateChanges()
{
    m_added.clear();
    m_removed.clear();
    m_changed.clear();
    m_compareShown = QDate();
    const QDate from = m_state->compareFrom();
    if (from.isValid() && m_state->asOf().isValid()) {
        const auto c = TieComparison::compare(
                m_document->landscape(), from, m_state->asOf(), m_state->timeBasis());
        m_added = QSet<RowId>(c.added.begin(), c.added.end());
        m_removed = QSet<RowId>(c.removed.begin(), c.removed.end());
        m_changed = QSet<RowId>(c.changed.begin(), c.changed.end());
        m_compareShown = from;
    }
    m_networkPage->view()->setChanges(m_added, m_removed, m_changed, m_compareShown);
    m_spherePage->view()->setChanges(m_added, m_removed, m_compareShown);
}

QString MainWindow::askNewPath(const QString &title, const QString &suggested)
{
    QString start = suggested;
    for (;;) {
        // Qt's own "replace?" question is off: EcoAtlas never replaces a landscape, and says
        // so once.
        QString path = QFileDialog::getSaveFileName(
                this, title, start, tr(kFileFilter), nullptr, QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty())
            return {};
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".ecoatlas");
        if (!QFileInfo::exists(path))
            return path;
        QMessageBox::information(this,
                                 title,
                                 tr("%1 already exists. EcoAtlas never replaces a landscape file: "
                                    "choose another name.")
                                         .arg(QFileInfo(path).fileName()));
        start = path;
    }
}

void MainWindow::newFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = askNewPath(tr("New Landscape from the Seed"),
                                    QDir(dir).filePath(QStringLiteral("landscape.ecoatlas")));
    if (path.isEmpty())
        return;
    QString error;
    if (!LandscapeDocument::createSeedDatabase(path, &error)) {
        showError(tr("Cannot create %1").arg(QFileInfo(path).fileName()), error);
        return;
    }
    openFile(path);
}

void MainWindow::newEmptyFile()
{
    bool ok = false;
    const QString title = QInputDialog::getText(this,
                                                tr("New Empty Landscape"),
                                                tr("Title of the landscape:"),
                                                QLineEdit::Normal,
                                                QString(),
                                                &ok)
                                  .trimmed();
    if (!ok)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = askNewPath(tr("New Empty Landscape"),
                                    QDir(dir).filePath(QStringLiteral("landscape.ecoatlas")));
    if (path.isEmpty())
        return;
    Landscape empty;
    empty.title = title;
    QString error;
    if (!LandscapeStore::createFile(path, empty, &error)) {
        showError(tr("Cannot create %1").arg(QFileInfo(path).fileName()), error);
        return;
    }
    openFile(path);
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Landscape"), QFileInfo(m_document->path()).path(), tr(kFileFilter));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::saveCopy()
{
    const QString path = askNewPath(tr("Save a Copy"), QFileInfo(m_document->path()).path());
    if (path.isEmpty())
        return;
    QString error;
    if (!m_document->saveCopy(path, &error)) {
        showError(tr("Cannot save a copy"), error);
        return;
    }
    statusBar()->showMessage(tr("Saved a copy to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

MainWindow::CurrentView MainWindow::currentView() const
{
    CurrentView c;
    c.view = QStringLiteral("tables");
    c.figure = m_networkPage->view()->figureOptions();
    if (m_tabs->currentWidget() == m_networkPage) {
        c.view = QStringLiteral("network");
    } else if (m_tabs->currentWidget() == m_spherePage) {
        c.view = QStringLiteral("spheres");
        c.figure = m_spherePage->view()->figureOptions();
    } else if (m_tabs->currentWidget() == m_timelinePage) {
        c.view = m_timelinePage->currentView();
        c.figure = m_timelinePage->options().figure;
    }
    c.live.network = m_network;
    c.live.spheres = m_spheres;
    c.live.timeline = m_timelinePage->options();
    c.live.added = m_added;
    c.live.removed = m_removed;
    c.live.changed = m_changed;
    c.live.compareFrom = m_compareShown;
    return c;
}

void MainWindow::exportView()
{
    std::unique_ptr<ExportDialog> dialog(createExportDialog());
    dialog->exec();
}

ExportDialog *MainWindow::createExportDialog()
{
    CurrentView c = currentView();
    // The view's own state: its date and the chosen label language (the sphere map has its own).
    c.figure.asOf = m_state->asOf();
    if (m_tabs->currentWidget() != m_spherePage)
        c.figure.labels = m_state->labelLanguage();
    auto *dialog = new ExportDialog(m_document, c.live, c.view, c.figure, this);
    connect(dialog, &ExportDialog::exported, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    return dialog;
}

bool MainWindow::printCurrentView(QPrinter *printer, QString *error) const
{
    const CurrentView c = currentView();
    QPainter painter;
    if (!painter.begin(printer)) {
        *error = tr("The printer could not start.");
        return false;
    }
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    const bool ok = ViewExport::paintView(c.view,
                                          *m_document,
                                          c.figure,
                                          painter,
                                          QRectF(QPointF(0, 0), page.size()),
                                          printer->colorMode() == QPrinter::GrayScale,
                                          error,
                                          c.live);
    painter.end();
    // Printed to a PDF file: give it the same searchable Chinese text as every PDF export.
    if (ok && printer->outputFormat() == QPrinter::PdfFormat
        && !printer->outputFileName().isEmpty()) {
        QFile file(printer->outputFileName());
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read back %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        const QByteArray fixed = Exporter::fixPdfToUnicode(file.readAll());
        file.close();
        QSaveFile out(printer->outputFileName());
        if (!out.open(QIODevice::WriteOnly) || out.write(fixed) != fixed.size() || !out.commit()) {
            *error = tr("Cannot write %1: %2").arg(out.fileName(), out.errorString());
            return false;
        }
    }
    return ok;
}

void MainWindow::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(ViewExport::displayName(currentView().view)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!printCurrentView(&printer, &error)) {
        showError(tr("Cannot print"), error);
        return;
    }
    statusBar()->showMessage(
            tr("Sent %1 to the printer").arg(ViewExport::displayName(currentView().view)), 5000);
}

void MainWindow::printPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("PrintPreview"));
    dialog.setWindowTitle(tr("Print Preview: %1").arg(ViewExport::displayName(currentView().view)));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) {
        QString error;
        if (!printCurrentView(p, &error))
            statusBar()->showMessage(error, 5000);
    });
    dialog.exec();
}

QList<std::pair<QString, QString>> MainWindow::shortcutList() const
{
    QList<std::pair<QString, QString>> rows;
    QSet<QString> seen;
    const QList<QAction *> actions = findChildren<QAction *>();
    for (QAction *a : actions) {
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        if (keys.isEmpty())
            continue;
        QString what = a->text();
        what.remove(QLatin1Char('&'));
        what.remove(QStringLiteral("…"));
        if (what.isEmpty())
            what = a->toolTip();
        const QString key = keys.join(QStringLiteral(", "));
        if (seen.contains(key + what))
            continue;
        seen.insert(key + what);
        rows.append({key, what.trimmed()});
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    });
    const std::pair<QString, QString> fixed[] = {
            {tr("Mouse wheel"), tr("Diagrams: zoom around the pointer")},
            {QStringLiteral("+ / −"), tr("Diagrams: zoom in / out")},
            {QStringLiteral("0"), tr("Diagrams: fit to the view")},
            {tr("Arrow keys"), tr("Diagrams: pan")},
            {tr("Drag the background"), tr("Diagrams: pan")},
            {tr("Drag a node"), tr("Network: move and pin it (Ctrl+Z undoes)")},
            {tr("Double-click the background"), tr("Diagrams: fit to the view")},
            {tr("Esc"), tr("Diagrams: clear the selection")},
            {tr("Enter"), tr("Network search field: centre on the organization")},
            {tr("F2 / double-click"), tr("Organizations table: edit a name, country or notes")},
            {tr("Space / Enter"), tr("Filter menus: toggle an item, the menu stays open")},
            {tr("Tab / Shift+Tab"), tr("Move between controls")},
    };
    for (const auto &row : fixed)
        rows.append(row);
    return rows;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(&dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    const auto rows = shortcutList();
    table->setColumnCount(2);
    table->setRowCount(int(rows.size()));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(640, 560);
    dialog.exec();
}

void MainWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About EcoAtlas"));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("EcoAtlas %1\n\nMaps vendor–customer ecosystems: who hosts, funds and "
                   "supplies whom, when, and according to which source.")
                        .arg(QApplication::applicationVersion()));
    box.exec();
}

void MainWindow::showError(const QString &what, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, what, what, QMessageBox::Ok, this);
    box.setInformativeText(message);
    makePlain(box);
    box.exec();
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(
                QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)),
                this,
                [this, path] { openFile(path); });
        a->setEnabled(QFileInfo::exists(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(QStringLiteral("recentFiles"));
            updateRecentMenu();
        });
    }
}

void MainWindow::updateTitle()
{
    const QString path = m_document->path();
    setWindowFilePath(path);
    setWindowTitle(path.isEmpty()
                           ? QStringLiteral("EcoAtlas")
                           : QStringLiteral("%1 — EcoAtlas").arg(QFileInfo(path).fileName()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    event->accept();
}

void MainWindow::updateEditActions()
{
    const bool writable = !m_document->isReadOnly();
    for (QAction *a : std::as_const(m_editActions))
        a->setEnabled(writable);
}

bool MainWindow::addRecord(RecordKind kind, const QString &tieKind, RowId fromId, RowId toId)
{
    if (m_document->isReadOnly()) {
        showError(tr("Cannot add"), tr("%1 is open read-only.").arg(m_document->path()));
        return false;
    }
    Record record;
    switch (kind) {
    case RecordKind::Source:
        record = Source();
        break;
    case RecordKind::Organization:
        record = Organization();
        break;
    case RecordKind::Sector:
        record = Sector();
        break;
    case RecordKind::Product: {
        Product p;
        p.kind = QStringLiteral("other");
        p.ownerId = fromId;
        record = p;
        break;
    }
    case RecordKind::Deal:
        record = Deal();
        break;
    case RecordKind::Tie: {
        Tie t;
        t.kind = tieKind.isEmpty() ? QStringLiteral("hosting") : tieKind;
        t.service = QStringLiteral("general");
        t.status = QStringLiteral("ordered");
        t.fromId = fromId;
        t.toId = toId;
        record = t;
        break;
    }
    case RecordKind::Figure: {
        Figure f;
        f.subjectId = fromId;
        record = f;
        break;
    }
    }
    RecordForm form(m_document, record, this);
    if (form.exec() != QDialog::Accepted)
        return false;
    statusBar()->showMessage(
            tr("Added %1 (Ctrl+Z undoes)").arg(recordTitle(form.record(), m_document->landscape())),
            8000);
    if (kind == RecordKind::Organization)
        m_state->setSelectedOrganization(recordId(form.record()));
    return true;
}

bool MainWindow::editRecord(RecordKind kind, RowId id)
{
    const std::optional<Record> record = m_document->record(kind, id);
    if (!record)
        return false;
    if (m_document->isReadOnly()) {
        showError(tr("Cannot edit"), tr("%1 is open read-only.").arg(m_document->path()));
        return false;
    }
    RecordForm form(m_document, *record, this);
    return form.exec() == QDialog::Accepted;
}

bool MainWindow::deleteRecord(RecordKind kind, RowId id)
{
    const ChangeSet set = m_document->deleteChange(kind, id);
    if (set.isEmpty())
        return false;
    const QString title = recordTitle(*m_document->record(kind, id), m_document->landscape());
    const QString also = LandscapeDocument::consequences(set, kind);
    QMessageBox ask(QMessageBox::Question,
                    tr("Delete %1").arg(recordKindName(kind)),
                    also.isEmpty() ? tr("Delete %1?").arg(title)
                                   : tr("Deleting %1 %2.").arg(title, also),
                    QMessageBox::Cancel,
                    this);
    ask.setInformativeText(tr("Edit › Undo (Ctrl+Z) brings it back."));
    makePlain(ask);
    QPushButton *yes = ask.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != static_cast<QAbstractButton *>(yes))
        return false;
    QString error;
    if (!m_document->apply(set, &error)) {
        showError(tr("Cannot delete %1").arg(title), error);
        return false;
    }
    statusBar()->showMessage(tr("Deleted %1 (Ctrl+Z undoes)").arg(title), 8000);
    return true;
}

bool MainWindow::mergeOrganization(RowId id)
{
    const Organization *gone = m_document->landscape().organization(id);
    if (!gone)
        return false;
    const QString goneName = gone->nameEn; // `gone` does not outlive the merge
    QStringList names;
    QList<RowId> ids;
    for (const Organization &o : m_document->landscape().organizations) {
        if (o.id == id)
            continue;
        names << o.displayName();
        ids << o.id;
    }
    // No organization is chosen for the user: a likely duplicate (one name contained in the
    // other) is offered, otherwise the field starts empty.
    QString likely;
    const QString own = gone->nameEn.simplified().toCaseFolded();
    for (const Organization &o : m_document->landscape().organizations) {
        const QString other = o.nameEn.simplified().toCaseFolded();
        if (o.id != id && !own.isEmpty() && !other.isEmpty()
            && (other.contains(own) || own.contains(other))) {
            likely = o.displayName();
            break;
        }
    }
    QInputDialog ask(this);
    ask.setWindowTitle(tr("Merge %1").arg(gone->nameEn));
    ask.setLabelText(tr("Merge %1 into (its ties, figures and products move there; its names "
                        "become aliases):")
                             .arg(gone->nameEn));
    ask.setComboBoxItems(names);
    ask.setComboBoxEditable(true);
    ask.setTextValue(likely);
    ask.setOkButtonText(tr("&Merge"));
    for (QLabel *label : ask.findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText); // the name is data, never markup
    const bool ok = ask.exec() == QDialog::Accepted;
    const QString chosen = ask.textValue();
    const qsizetype at = names.indexOf(chosen);
    if (!ok || at < 0)
        return false;
    QString error;
    if (!m_document->apply(m_document->mergeChange(ids.at(at), id), &error)) {
        showError(tr("Cannot merge %1").arg(goneName), error);
        return false;
    }
    m_state->setSelectedOrganization(ids.at(at));
    statusBar()->showMessage(tr("Merged %1 into %2 (Ctrl+Z undoes)").arg(goneName, chosen), 8000);
    return true;
}

QMenu *MainWindow::createOrganizationMenu(RowId id)
{
    auto *menu = new QMenu(this);
    const bool writable = !m_document->isReadOnly();
    const Organization *o = m_document->landscape().organization(id);
    if (o) {
        menu->addAction(tr("&Edit %1…").arg(o->nameEn), this, [this, id] {
                editRecord(RecordKind::Organization, id);
            })->setEnabled(writable);
        menu->addAction(tr("Add &Tie from Here…"), this, [this, id] {
                addRecord(RecordKind::Tie, QString(), id);
            })->setEnabled(writable);
        menu->addAction(tr("Add &Figure about It…"), this, [this, id] {
                addRecord(RecordKind::Figure, QString(), id);
            })->setEnabled(writable);
        menu->addAction(tr("Show in &Table"), this, [this, id] {
            if (!m_pages.isEmpty()) {
                m_tabs->setCurrentWidget(m_pages.first());
                m_pages.first()->selectRecord(id);
            }
        });
        menu->addAction(tr("&Merge Into…"), this, [this, id] {
                mergeOrganization(id);
            })->setEnabled(writable);
        menu->addSeparator();
        menu->addAction(tr("&Delete %1…").arg(o->nameEn), this, [this, id] {
                deleteRecord(RecordKind::Organization, id);
            })->setEnabled(writable);
    } else {
        menu->addAction(tr("Add &Organization…"), this, [this] {
                addRecord(RecordKind::Organization);
            })->setEnabled(writable);
        menu->addAction(tr("Add &Source…"), this, [this] {
                addRecord(RecordKind::Source);
            })->setEnabled(writable);
    }
    return menu;
}

bool MainWindow::importFile(const QString &given)
{
    QString path = given;
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(this,
                                            tr("Import Landscape JSON"),
                                            QFileInfo(m_document->path()).path(),
                                            tr("Landscape JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot import %1").arg(QFileInfo(path).fileName()), file.errorString());
        return false;
    }
    QString error;
    const std::optional<Landscape> incoming = LandscapeJson::fromJson(file.readAll(), &error);
    if (!incoming) {
        showError(tr("Cannot import %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    LandscapeImport::Report report;
    const ChangeSet change = LandscapeImport::plan(
            m_document->landscape(), *incoming, QFileInfo(path).fileName(), &report);
    // Preview first: what is new, matched and skipped; nothing is written until Import.
    QMessageBox preview(
            QMessageBox::Question,
            tr("Import %1").arg(QFileInfo(path).fileName()),
            change.isEmpty() ? tr("Everything in this file is already in the landscape.")
            : change.changes.size() == 1 ? tr("Import 1 record?")
                                         : tr("Import %1 records?").arg(change.changes.size()),
            QMessageBox::Cancel,
            this);
    preview.setDetailedText(report.lines().join(u'\n'));
    preview.setInformativeText(report.lines().mid(0, 7).join(u'\n'));
    makePlain(preview);
    QPushButton *go = change.isEmpty() ? nullptr
                                       : preview.addButton(tr("&Import"), QMessageBox::AcceptRole);
    preview.exec();
    if (!go || preview.clickedButton() != static_cast<QAbstractButton *>(go))
        return false;
    if (!m_document->apply(change, &error)) {
        showError(tr("Nothing was imported"), error);
        return false;
    }
    statusBar()->showMessage(tr("Imported %1: %2 records added (Ctrl+Z undoes)")
                                     .arg(QFileInfo(path).fileName())
                                     .arg(change.changes.size()),
                             10000);
    return true;
}

} // namespace EcoAtlas
