// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "Landscape.h"
#include "Record.h"
#include "ViewExport.h"

#include <QDate>
#include <QMainWindow>
#include <QSet>

class QAction;
class QFrame;
class QMenu;
class QPrinter;
class QTabWidget;
class QUndoStack;

namespace EcoAtlas {

class DetailsPanel;
class ExportDialog;
class LandscapeTableModel;
class LandscapeDocument;
class NetworkDiagramModel;
class NetworkPage;
class SphereMapModel;
class SpherePage;
class TimelinePage;
class TablePage;
class ViewState;

/// The main window: the network diagram, tables of organizations, each kind of tie, products,
/// figures and sources over shared models; the details panel for the selected organization; File
/// menu (New, Open, Open Recent, Save a Copy, Export View, Print, Print Preview). Window geometry,
/// dock layout, the open tab and the recent files are remembered (QSettings).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a landscape file; on failure shows the message and keeps the current landscape.
    bool openFile(const QString &path);
    LandscapeDocument *document() const { return m_document; }
    /// The table pages, by tab title (for tests).
    QList<TablePage *> tablePages() const { return m_pages; }
    DetailsPanel *detailsPanel() const { return m_details; }
    NetworkPage *networkPage() const { return m_networkPage; }
    NetworkDiagramModel *networkModel() const { return m_network; }
    SpherePage *spherePage() const { return m_spherePage; }
    SphereMapModel *sphereModel() const { return m_spheres; }
    TimelinePage *timelinePage() const { return m_timelinePage; }
    ViewState *viewState() const { return m_state; }
    QUndoStack *undoStack() const { return m_undo; }
    /// Selects organization `id` everywhere (tables and details panel).
    void selectOrganization(RowId id);

    /// The view on screen as the export path names it ("network", "spheres", a timeline, or
    /// "tables" for the table tabs), with its figure options and live state.
    struct CurrentView
    {
        QString view;
        FigureOptions figure;
        LiveViews live;
    };
    CurrentView currentView() const;
    /// Paints the current view onto `printer`'s first page, fitted to the page (colour or grey
    /// as the printer's colour mode says). Errors: the printer cannot start.
    bool printCurrentView(QPrinter *printer, QString *error) const;
    /// Every keyboard shortcut of the window, as (keys, what it does) rows: the menu and tool
    /// bar actions, then the keys the diagrams and tables take (Help › Keyboard Shortcuts).
    QList<std::pair<QString, QString>> shortcutList() const;
    /// The export dialog for the current view, preset to its state (date, labels, title);
    /// its confirmations go to the status bar. The caller owns it.
    ExportDialog *createExportDialog();
    /// The first-run hint above the tabs (hidden once dismissed; remembered in QSettings).
    QFrame *firstRunHint() const { return m_hint; }

    /// Opens the form for a new record of `kind` (a tie of `tieKind`, from `fromId` to `toId`
    /// when given); OK adds it as one undoable change. Returns whether it was added.
    bool addRecord(RecordKind kind, const QString &tieKind = {}, RowId fromId = 0, RowId toId = 0);
    /// Opens the form for record `id`; OK saves it as one undoable change.
    bool editRecord(RecordKind kind, RowId id);
    /// Asks, naming what goes with it ("also deletes 6 ties and 2 figures"), then deletes
    /// record `id` as one undoable change.
    bool deleteRecord(RecordKind kind, RowId id);
    /// Reads a landscape JSON file (`path`, or asked for), shows what would be new, matched and
    /// skipped, and on Import merges it as one undoable change. Errors (unreadable file, not a
    /// landscape) are shown and nothing is written.
    bool importFile(const QString &path = {});
    /// Asks which organization to keep, then merges organization `id` into it (one step).
    bool mergeOrganization(RowId id);
    /// The context menu of organization `id` in a diagram (0: of the background); the caller
    /// owns it.
    QMenu *createOrganizationMenu(RowId id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void updateTitle();
    void newFile();
    void newEmptyFile();
    /// Asks for the path of a new file (adds ".ecoatlas" when there is no suffix; an existing
    /// file gets one clear message and the dialog again). Empty when cancelled.
    QString askNewPath(const QString &title, const QString &suggested);
    void openDialog();
    void saveCopy();
    void exportView();
    void print();
    void printPreview();
    void about();
    void showShortcuts();
    void showError(const QString &what, const QString &message);

    LandscapeDocument *m_document;
    ViewState *m_state;
    QUndoStack *m_undo;
    NetworkDiagramModel *m_network;
    SphereMapModel *m_spheres;
    QTabWidget *m_tabs;
    NetworkPage *m_networkPage;
    SpherePage *m_spherePage;
    TimelinePage *m_timelinePage = nullptr;
    /// Compare mode: ties added, ended or changed since ViewState::compareFrom (empty when not
    /// comparing), kept for the views and for exports.
    QSet<RowId> m_added, m_removed, m_changed;
    QDate m_compareShown;
    void updateChanges();
    DetailsPanel *m_details;
    QList<TablePage *> m_pages;
    QMenu *m_recentMenu = nullptr;
    QList<LandscapeTableModel *> m_tableModels;
    QFrame *m_hint = nullptr;
    QList<QAction *> m_editActions; ///< disabled for a read-only file
    void updateEditActions();
};

} // namespace EcoAtlas
