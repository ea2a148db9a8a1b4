<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CloseBenchmark</name>
    <message>
        <source>round %1: the child did not end: %2</source>
        <translation>Runde %1: Der Kindprozess endete nicht: %2</translation>
    </message>
    <message>
        <source>round %1: the child did not close its window cleanly (exit code %2)</source>
        <translation>Runde %1: Der Kindprozess hat sein Fenster nicht sauber geschlossen (Exit-Code %2)</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>round %1 (closed %2% into an epoch): %3</source>
        <translation>Runde %1 (geschlossen nach %2 % einer Epoche): %3</translation>
    </message>
    <message>
        <source>after closing the window during training (rounds: %1, threads: %2):</source>
        <translation>nach dem Schließen des Fensters während des Trainings (Runden: %1, Threads: %2):</translation>
    </message>
    <message>
        <source>  %1: median %2 ms, largest %3 ms</source>
        <translation>  %1: Median %2 ms, größter Wert %3 ms</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>%1: unknown format (use .png, .pdf or .svg)</source>
        <translation>%1: unbekanntes Format (.png, .pdf oder .svg verwenden)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the plot could not be written (%2)</source>
        <translation>%1: Das Diagramm konnte nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Export Plot...</source>
        <translation>Diagramm &amp;exportieren...</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore multi-task recommender training: Rank and Rate.</source>
        <translation>Multi-Task-Training von Empfehlungssystemen erkunden: Rank and Rate.</translation>
    </message>
    <message>
        <source>A data set file or folder to open (default: the built-in demo data).</source>
        <translation>Zu öffnende Datensatzdatei oder zu öffnender Datensatzordner (Standard: die eingebauten Demodaten).</translation>
    </message>
    <message>
        <source>Run a scripted session on the demo data and write a screenshot of every view to this folder, then quit.</source>
        <translation>Eine geskriptete Sitzung mit den Demodaten ausführen, von jeder Ansicht einen Screenshot in diesen Ordner schreiben und dann beenden.</translation>
    </message>
    <message>
        <source>Benchmark: train RnR(BPR, SVD) on the data set given (default: generated, MovieLens-100K-sized) and report the largest GUI-thread stall, then quit.</source>
        <translation>Benchmark: RnR(BPR, SVD) auf dem angegebenen Datensatz trainieren (Standard: generiert, in der Größe von MovieLens-100K), die längste Blockade des GUI-Threads melden und dann beenden.</translation>
    </message>
    <message>
        <source>Epochs for --measure-stalls (default 5).</source>
        <translation>Epochen für --measure-stalls (Standard: 5).</translation>
    </message>
    <message>
        <source>Interface language, e.g. de or zh_CN (default: the preference or the system&apos;s).</source>
        <translation>Sprache der Oberfläche, z. B. de oder zh_CN (Standard: die Einstellung oder die Systemsprache).</translation>
    </message>
    <message>
        <source>Colour scheme: system, light or dark (default: the preference).</source>
        <translation>Farbschema: system, light oder dark (Standard: die Einstellung).</translation>
    </message>
    <message>
        <source>--colours: &apos;%1&apos; is not system, light or dark</source>
        <translation>--colours: „%1“ ist weder system noch light noch dark</translation>
    </message>
    <message>
        <source>Rounds of --measure-close (default 5).</source>
        <translation>Runden von --measure-close (Standard 5).</translation>
    </message>
    <message>
        <source>Training threads for --measure-stalls and --measure-close (default 1).</source>
        <translation>Trainings-Threads für --measure-stalls und --measure-close (Standard 1).</translation>
    </message>
    <message>
        <source>Benchmark: close the window during training on the data set given (default: the demo data), again and again (a child process each time), and report how long the process outlives it.</source>
        <translation>Benchmark: das Fenster während des Trainings auf dem angegebenen Datensatz (Standard: die Demodaten) immer wieder schließen (jedes Mal ein Kindprozess) und berichten, wie lange der Prozess es überdauert.</translation>
    </message>
</context>
<context>
    <name>rnr::Balance</name>
    <message>
        <source>Fixed weights</source>
        <translation>Feste Gewichte</translation>
    </message>
    <message>
        <source>The ranking loss weighs α and the rating loss 1 - α, as in the paper; the grid searches α.</source>
        <translation>Der Ranking-Verlust wiegt α und der Bewertungsverlust 1 - α, wie im Paper; das Gitter durchsucht α.</translation>
    </message>
    <message>
        <source>Uncertainty weighting</source>
        <translation>Unsicherheitsgewichtung</translation>
    </message>
    <message>
        <source>Each task&apos;s loss weighs exp(-s_t), with a learnt log-variance s_t added to the objective (Kendall et al., CVPR 2018); α is not used.</source>
        <translation>Der Verlust jeder Aufgabe wiegt exp(-s_t), mit einer gelernten Log-Varianz s_t, die zur Zielfunktion addiert wird (Kendall et al., CVPR 2018); α wird nicht verwendet.</translation>
    </message>
    <message>
        <source>GradNorm</source>
        <translation>GradNorm</translation>
    </message>
    <message>
        <source>Learnt task weights that pull the tasks&apos; gradient norms on the shared embeddings towards their mean, the slower task more (asymmetry a; Chen et al., ICML 2018); α is not used.</source>
        <translation>Gelernte Aufgabengewichte, die die Gradientennormen der Aufgaben auf den geteilten Embeddings zu ihrem Mittel ziehen, die langsamere Aufgabe stärker (Asymmetrie a; Chen et al., ICML 2018); α wird nicht verwendet.</translation>
    </message>
    <message>
        <source>Dynamic weight average</source>
        <translation>Dynamischer Gewichtsdurchschnitt</translation>
    </message>
    <message>
        <source>Each epoch&apos;s weights from the ratio of each task&apos;s last two epoch losses, softened by a temperature (Liu et al., CVPR 2019); α is not used.</source>
        <translation>Die Gewichte jeder Epoche aus dem Verhältnis der Verluste der letzten beiden Epochen jeder Aufgabe, durch eine Temperatur geglättet (Liu et al., CVPR 2019); α wird nicht verwendet.</translation>
    </message>
    <message>
        <source>PCGrad</source>
        <translation>PCGrad</translation>
    </message>
    <message>
        <source>Where the weighted tasks&apos; gradients on the shared parameters conflict, each is projected onto the normal plane of the other (Yu et al., NeurIPS 2020); the grid searches α.</source>
        <translation>Wo die gewichteten Gradienten der Aufgaben auf den geteilten Parametern im Konflikt stehen, wird jeder auf die Normalebene des anderen projiziert (Yu et al., NeurIPS 2020); das Gitter durchsucht α.</translation>
    </message>
</context>
<context>
    <name>rnr::Coupling</name>
    <message>
        <source>Vanilla multi-task</source>
        <translation>Vanilla-Multi-Task</translation>
    </message>
    <message>
        <source>Hard sharing: the rating task uses the very same p_u and q_i as the ranking task.</source>
        <translation>Hartes Teilen: Die Bewertungsaufgabe verwendet genau dieselben p_u und q_i wie die Ranking-Aufgabe.</translation>
    </message>
    <message>
        <source>Rank and Rate (RnR)</source>
        <translation>Rank and Rate (RnR)</translation>
    </message>
    <message>
        <source>The rating task sees g(W p_u + c) and g(W (q_i + q^d_i) + c): a learnt post-consumption deviation q^d_i and a tied FC layer (Hadash et al., RecSys 2018).</source>
        <translation>Die Bewertungsaufgabe sieht g(W p_u + c) und g(W (q_i + q^d_i) + c): eine gelernte Abweichung nach dem Konsum q^d_i und eine gekoppelte FC-Schicht (Hadash et al., RecSys 2018).</translation>
    </message>
    <message>
        <source>RnR without the FC layer</source>
        <translation>RnR ohne FC-Schicht</translation>
    </message>
    <message>
        <source>Ablation of RnR: the rating task sees p_u and q_i + q^d_i (the deviation alone, no tied layer).</source>
        <translation>Ablation von RnR: Die Bewertungsaufgabe sieht p_u und q_i + q^d_i (nur die Abweichung, keine gekoppelte Schicht).</translation>
    </message>
    <message>
        <source>RnR without the deviation</source>
        <translation>RnR ohne Abweichung</translation>
    </message>
    <message>
        <source>Ablation of RnR: the rating task sees g(W p_u + c) and g(W q_i + c) (the tied layer alone, no deviation).</source>
        <translation>Ablation von RnR: Die Bewertungsaufgabe sieht g(W p_u + c) und g(W q_i + c) (nur die gekoppelte Schicht, keine Abweichung).</translation>
    </message>
    <message>
        <source>Multi-gate mixture of experts (MMoE)</source>
        <translation>Multi-Gate-Mixture-of-Experts (MMoE)</translation>
    </message>
    <message>
        <source>Both tasks read a gated mixture of shared experts g(W_k v + c_k), one softmax gate per task, for users and items alike (Ma et al., KDD 2018).</source>
        <translation>Beide Aufgaben lesen eine gewichtete Mischung geteilter Experten g(W_k v + c_k), ein Softmax-Gate je Aufgabe, für Nutzer und Items gleichermaßen (Ma et al., KDD 2018).</translation>
    </message>
    <message>
        <source>Progressive layered extraction (PLE)</source>
        <translation>Progressive Layered Extraction (PLE)</translation>
    </message>
    <message>
        <source>Shared experts and experts of each task&apos;s own, a gate per task over its own and the shared ones (one CGC level; Tang et al., RecSys 2020).</source>
        <translation>Geteilte Experten und eigene Experten jeder Aufgabe, ein Gate je Aufgabe über ihre eigenen und die geteilten (eine CGC-Ebene; Tang et al., RecSys 2020).</translation>
    </message>
    <message>
        <source>Cross-stitch</source>
        <translation>Cross-Stitch</translation>
    </message>
    <message>
        <source>Soft sharing: each task has its own user and item vectors, and each reads a learnt linear mix of both tasks&apos; (a 2 x 2 unit per side; Misra et al., CVPR 2016).</source>
        <translation>Weiches Teilen: Jede Aufgabe hat eigene Nutzer- und Item-Vektoren und liest eine gelernte Linearkombination der Vektoren beider Aufgaben (eine 2 x 2-Einheit je Seite; Misra et al., CVPR 2016).</translation>
    </message>
    <message>
        <source>Choose, then like (ESMM)</source>
        <translation>Wählen, dann mögen (ESMM)</translation>
    </message>
    <message>
        <source>A cascade: p(like) = p(choose) · p(like | choose), the choice head R and a like tower on the shared vectors, trained on rated and sampled unrated items alike (Ma et al., SIGIR 2018). No rating component.</source>
        <translation>Eine Kaskade: p(mögen) = p(wählen) · p(mögen | wählen), der Wahlkopf R und ein Gefallensturm auf den geteilten Vektoren, trainiert auf bewerteten und gezogenen unbewerteten Items gleichermaßen (Ma et al., SIGIR 2018). Keine Bewertungskomponente.</translation>
    </message>
    <message>
        <source>Choose, then like, with a pairwise loss</source>
        <translation>Wählen, dann mögen, mit paarweisem Verlust</translation>
    </message>
    <message>
        <source>ESMM&apos;s cascade plus hinge terms that put each liked item above a chosen-but-not-liked and a not-chosen item of the same user, by margins (Durmus et al., 2024). No rating component.</source>
        <translation>Die Kaskade von ESMM plus Hinge-Terme, die jedes gemochte Item um Abstände über ein gewähltes, aber nicht gemochtes und ein nicht gewähltes Item desselben Nutzers setzen (Durmus et al., 2024). Keine Bewertungskomponente.</translation>
    </message>
</context>
<context>
    <name>rnr::CsvMappingDialog</name>
    <message>
        <source>Map the Columns of %1</source>
        <translation>Spalten von %1 zuordnen</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <source>The first line names the columns</source>
        <translation>Die erste Zeile enthält die Spaltennamen</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Nutzer:</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Without a rating column every row counts as rating 1 (implicit feedback).</source>
        <translation>Ohne Bewertungsspalte zählt jede Zeile als Bewertung 1 (implizites Feedback).</translation>
    </message>
    <message>
        <source>Without a time column the order of the rows is taken as time.</source>
        <translation>Ohne Zeitspalte gilt die Reihenfolge der Zeilen als Zeit.</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Erste Zeilen:</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(Spalte wählen)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Choose the column that holds the user.</source>
        <translation>Bitte die Spalte mit dem Nutzer auswählen.</translation>
    </message>
    <message>
        <source>Choose the column that holds the item.</source>
        <translation>Bitte die Spalte mit dem Item auswählen.</translation>
    </message>
    <message>
        <source>The %1 and the %2 cannot be the same column.</source>
        <translation>%1 und %2 können nicht in derselben Spalte stehen.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Rows shown: %n</source>
        <translation>
            <numerusform>%n Zeile angezeigt.</numerusform>
            <numerusform>%n Zeilen angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
</context>
<context>
    <name>rnr::DatasetView</name>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Nutzer:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Items:</translation>
    </message>
    <message>
        <source>Ratings:</source>
        <translation>Bewertungen:</translation>
    </message>
    <message>
        <source>Density:</source>
        <translation>Dichte:</translation>
    </message>
    <message>
        <source>Rating scale:</source>
        <translation>Bewertungsskala:</translation>
    </message>
    <message>
        <source>Mean rating:</source>
        <translation>Mittlere Bewertung:</translation>
    </message>
    <message>
        <source>Ratings per user:</source>
        <translation>Bewertungen pro Nutzer:</translation>
    </message>
    <message>
        <source>Ratings per item:</source>
        <translation>Bewertungen pro Item:</translation>
    </message>
    <message>
        <source>Time span:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Titles and genres:</source>
        <translation>Titel und Genres:</translation>
    </message>
    <message>
        <source>Training uses:</source>
        <translation>Training nutzt:</translation>
    </message>
    <message>
        <source>Rating histogram</source>
        <translation>Bewertungshistogramm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Activity (log-log)</source>
        <translation>Aktivität (log-log)</translation>
    </message>
    <message>
        <source>Users or items with that many</source>
        <translation>Nutzer bzw. Items mit so vielen</translation>
    </message>
    <message>
        <source>How many users (items) have each number of ratings: a straight falling line is the long tail typical of ratings data.</source>
        <translation>Wie viele Nutzer (Items) jede Anzahl von Bewertungen haben: Eine gerade fallende Linie ist der für Bewertungsdaten typische Long Tail.</translation>
    </message>
    <message>
        <source>Load report</source>
        <translation>Ladebericht</translation>
    </message>
    <message>
        <source>min %1, median %2, mean %3, max %4</source>
        <translation>Min. %1, Median %2, Mittel %3, Max. %4</translation>
    </message>
    <message>
        <source>%1 (std %2)</source>
        <translation>%1 (Std.-Abw. %2)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>no timestamps: row order is used as time</source>
        <translation>keine Zeitstempel: Die Zeilenreihenfolge dient als Zeit</translation>
    </message>
    <message>
        <source>Generated in memory: nothing was read or skipped.</source>
        <translation>Im Speicher erzeugt: Nichts wurde gelesen oder übersprungen.</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>%1–%2 in steps of %3</source>
        <translation>%1–%2 in Schritten von %3</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>titled: %1 of %2; genres: %3</source>
        <translation>mit Titel: %1 von %2; Genres: %3</translation>
    </message>
    <message>
        <source>Users with at least 4 ratings: %1 (ratings: %2, items: %3). Held out for evaluation: the latest rating of each validation user (%4) and test user (%5), seed %6; everything else trains.</source>
        <translation>Nutzer mit mindestens 4 Bewertungen: %1 (Bewertungen: %2, Items: %3). Für die Evaluation zurückgehalten: die jeweils letzte Bewertung jedes Validierungsnutzers (%4) und Testnutzers (%5), Seed %6; alles Übrige dient dem Training.</translation>
    </message>
    <message>
        <source>Likes:</source>
        <translation>Gefallen:</translation>
    </message>
    <message>
        <source>rating ≥ %1: %2 % of the ratings</source>
        <translation>Bewertung ≥ %1: %2 % der Bewertungen</translation>
    </message>
    <message>
        <source>Choose, then like: a rated item was chosen, a rating at or above the like threshold is a like. Shown here at the threshold&apos;s default (auto): three quarters of the scale&apos;s range, rounded up to its step. Unrated items are taken as not chosen: an assumption, since the data has no log of what users were shown.</source>
        <translation>Erst wählen, dann mögen: ein bewerteter Artikel wurde gewählt, eine Bewertung ab der Gefällt-Schwelle ist ein Gefallen. Hier bei der Voreinstellung der Schwelle (automatisch): drei Viertel des Skalenbereichs, auf die Schrittweite aufgerundet. Unbewertete Artikel gelten als nicht gewählt: eine Annahme, denn die Daten verzeichnen nicht, was den Nutzern gezeigt wurde.</translation>
    </message>
    <message>
        <source>Users who rated several items at their last timestamp: %1, only trained on.</source>
        <translation>Nutzer, die zu ihrem letzten Zeitstempel mehrere Items bewertet haben: %1, nur zum Training verwendet.</translation>
    </message>
    <message>
        <source>Users who rated several items at their last timestamp: %1; the tie rule picks their held-out rating.</source>
        <translation>Nutzer, die zu ihrem letzten Zeitstempel mehrere Items bewertet haben: %1; die Gleichstandsregel wählt ihre zurückgehaltene Bewertung.</translation>
    </message>
</context>
<context>
    <name>rnr::DeviationView</name>
    <message>
        <source>Distribution of ‖q^d_i‖</source>
        <translation>Verteilung von ‖q^d_i‖</translation>
    </message>
    <message>
        <source>‖q^d_i‖ against popularity</source>
        <translation>‖q^d_i‖ gegen Popularität</translation>
    </message>
    <message>
        <source>‖q^d_i‖ against mean rating</source>
        <translation>‖q^d_i‖ gegen mittlere Bewertung</translation>
    </message>
    <message>
        <source>q_i → q_i + q^d_i (PCA of q)</source>
        <translation>q_i → q_i + q^d_i (PCA von q)</translation>
    </message>
    <message>
        <source>Learnt against true
(demo data)</source>
        <translation>Gelernt gegen wahr
(Demodaten)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>‖q^d_i‖</source>
        <translation>‖q^d_i‖</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Mittlere Bewertung</translation>
    </message>
    <message>
        <source>Train an RnR model to see what its deviation matrix learnt.</source>
        <translation>Nach dem Training eines RnR-Modells ist hier zu sehen, was seine Abweichungsmatrix gelernt hat.</translation>
    </message>
    <message>
        <source>%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i before the tied FC layer (rating).</source>
        <translation>%1: Die Abweichungsmatrix verschiebt jedes Item von q_i (Ranking) nach q_i + q^d_i vor der gemeinsam genutzten FC-Schicht (Bewertung).</translation>
    </message>
    <message>
        <source> On the demo data the learnt ‖q^d_i‖ correlates with the planted deviation: Spearman %1, Pearson %2.</source>
        <translation> Auf den Demodaten korreliert das gelernte ‖q^d_i‖ mit der vorgegebenen Abweichung: Spearman %1, Pearson %2.</translation>
    </message>
    <message>
        <source>Training ratings (log)</source>
        <translation>Trainingsbewertungen (log)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>PC 1 of q</source>
        <translation>PC 1 von q</translation>
    </message>
    <message>
        <source>PC 2 of q</source>
        <translation>PC 2 von q</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>True ‖e_i‖</source>
        <translation>Wahre ‖e_i‖</translation>
    </message>
    <message>
        <source>%1 learns no deviation: only RnR and its deviation-only ablation learn a post-consumption deviation q^d_i.</source>
        <translation>%1 lernt keine Abweichung: Nur RnR und seine Ablation ohne FC-Schicht lernen eine Abweichung nach dem Konsum q^d_i.</translation>
    </message>
    <message>
        <source>%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i, which the rating task uses as it is (no FC layer).</source>
        <translation>%1: Die Abweichungsmatrix verschiebt jedes Item von q_i (Ranking) nach q_i + q^d_i, das die Bewertungsaufgabe unverändert verwendet (keine FC-Schicht).</translation>
    </message>
    <message>
        <source>%1: summarising the deviation of every item...</source>
        <translation>%1: die Abweichung jedes Items wird zusammengefasst ...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rnr::EmbeddingView</name>
    <message>
        <source>Show &amp;users</source>
        <translation>&amp;Nutzer anzeigen</translation>
    </message>
    <message>
        <source>Draw every user vector p_u (grey) in the same projection as the items: a user scores items by the dot product p_u · q_i.</source>
        <translation>Jeden Nutzervektor p_u (grau) in derselben Projektion wie die Items zeichnen: Der Score eines Items für einen Nutzer ist das Skalarprodukt p_u · q_i.</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Popularität</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Mittlere Bewertung</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>PC 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>PC 2</translation>
    </message>
    <message>
        <source>Train a model to see its item vectors.</source>
        <translation>Nach dem Training eines Modells sind hier seine Item-Vektoren zu sehen.</translation>
    </message>
    <message>
        <source>%1 has no item vectors.</source>
        <translation>%1 hat keine Item-Vektoren.</translation>
    </message>
    <message>
        <source>%1 has no rating task: no post-consumption space.</source>
        <translation>%1 hat keine Bewertungsaufgabe: kein Raum nach dem Konsum.</translation>
    </message>
    <message>
        <source>other / none</source>
        <translation>sonstige / keins</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Nutzer %1</translation>
    </message>
    <message>
        <source>Ratings (log scale)</source>
        <translation>Bewertungen (logarithmisch)</translation>
    </message>
    <message>
        <source>no ratings</source>
        <translation>keine Bewertungen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <source>PCA: the linear view, at once, with the user vectors. t-SNE (Barnes-Hut) and UMAP: non-linear maps that keep neighbourhoods, of every item, computed in the background (seed 1: the same picture every time).</source>
        <translation>PCA: die lineare Ansicht, sofort, mit den Nutzervektoren. t-SNE (Barnes-Hut) und UMAP: nichtlineare Abbildungen, die Nachbarschaften erhalten, für jedes Item, im Hintergrund berechnet (Seed 1: jedes Mal dasselbe Bild).</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>&amp;Projektion:</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <source>%1 1</source>
        <translation>%1 1</translation>
    </message>
    <message>
        <source>%1 2</source>
        <translation>%1 2</translation>
    </message>
    <message>
        <source>%1 — raw item vectors q_i (what the ranking task uses)</source>
        <translation>%1 — rohe Item-Vektoren q_i (was die Ranking-Aufgabe nutzt)</translation>
    </message>
    <message>
        <source>Post-FC item vectors g(W(q_i + q^d_i) + c) (what the rating task uses)</source>
        <translation>Item-Vektoren nach der FC-Schicht g(W(q_i + q^d_i) + c) (was die Bewertungsaufgabe nutzt)</translation>
    </message>
    <message>
        <source>Item vectors the rating task uses (the same as the raw ones: no FC layer)</source>
        <translation>Item-Vektoren der Bewertungsaufgabe (dieselben wie die rohen: keine FC-Schicht)</translation>
    </message>
    <message>
        <source>%1; PCA explains %2% + %3%</source>
        <translation>%1; PCA erklärt %2 % + %3 %</translation>
    </message>
    <message>
        <source>%1 cancelled: choose it again to start over.</source>
        <translation>%1 abgebrochen: zum Neustart erneut auswählen.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1; %2 of every item (%3)</source>
        <translation>%1; %2 aller Items (%3)</translation>
    </message>
    <message>
        <source>%1; computing %2 of every item (%3)...</source>
        <translation>%1; %2 aller Items (%3) wird berechnet...</translation>
    </message>
    <message>
        <source>Item vectors q_i + q^d_i (what the rating task uses: the deviation alone, no FC layer)</source>
        <translation>Item-Vektoren q_i + q^d_i (was die Bewertungsaufgabe verwendet: nur die Abweichung, keine FC-Schicht)</translation>
    </message>
    <message>
        <source>Post-FC item vectors g(W q_i + c) (what the rating task uses: the FC layer alone, no deviation)</source>
        <translation>Item-Vektoren nach der FC-Schicht g(W q_i + c) (was die Bewertungsaufgabe verwendet: nur die FC-Schicht, keine Abweichung)</translation>
    </message>
    <message>
        <source>%1 — item vectors the ranking task reads (its gated mixture of experts)</source>
        <translation>%1 — Item-Vektoren, die die Ranking-Aufgabe liest (ihre gewichtete Mischung der Experten)</translation>
    </message>
    <message>
        <source>Item vectors the rating task reads (its gated mixture of experts)</source>
        <translation>Item-Vektoren, die die Bewertungsaufgabe liest (ihre gewichtete Mischung der Experten)</translation>
    </message>
    <message>
        <source>%1 — item vectors the ranking task reads (its cross-stitch mix of both tasks&apos; vectors)</source>
        <translation>%1 — Item-Vektoren, die die Ranking-Aufgabe liest (ihre Cross-Stitch-Mischung der Vektoren beider Aufgaben)</translation>
    </message>
    <message>
        <source>Item vectors the rating task reads (its cross-stitch mix of both tasks&apos; vectors)</source>
        <translation>Item-Vektoren, die die Bewertungsaufgabe liest (ihre Cross-Stitch-Mischung der Vektoren beider Aufgaben)</translation>
    </message>
    <message>
        <source>Like-tower item vectors g(W_L q_j + c_L) (what the like head reads after the choice)</source>
        <translation>Item-Vektoren des Gefallensturms g(W_L q_j + c_L) (was der Gefallenskopf nach der Wahl liest)</translation>
    </message>
    <message>
        <source>%1: reading the item vectors...</source>
        <translation>%1: die Item-Vektoren werden gelesen ...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rnr::ExperimentPanel</name>
    <message>
        <source>Search the α × λ &amp;grid</source>
        <translation>α × λ-&amp;Gitter durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Compare with &amp;vanilla</source>
        <translation>Mit &amp;Vanilla vergleichen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Popularität</translation>
    </message>
    <message>
        <source>The ranking task R: which items a user chooses (implicit feedback).</source>
        <translation>Die Ranking-Aufgabe R: welche Items ein Nutzer auswählt (implizites Feedback).</translation>
    </message>
    <message>
        <source>The rating task P: how a user rates an item after consuming it.</source>
        <translation>Die Bewertungsaufgabe P: wie ein Nutzer ein Item nach dem Konsum bewertet.</translation>
    </message>
    <message>
        <source>Single task</source>
        <translation>Single-Task</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>&amp;Ranking:</source>
        <translation>&amp;Ranking:</translation>
    </message>
    <message>
        <source>R&amp;ating:</source>
        <translation>&amp;Bewertung:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Users whose latest rating is held out (half validation, half test); 0 = all.</source>
        <translation>Nutzer, deren letzte Bewertung zurückgehalten wird (je zur Hälfte Validierung und Test); 0 = alle.</translation>
    </message>
    <message>
        <source>Seed of the split and of the model&apos;s initialisation.</source>
        <translation>Seed der Aufteilung und der Initialisierung des Modells.</translation>
    </message>
    <message>
        <source>Held-out &amp;users:</source>
        <translation>Holdout-N&amp;utzer:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>Runs per model with seeds seed, seed + 1, ...: the results table shows mean ± std over them and the paired test pairs them by seed.</source>
        <translation>Läufe pro Modell mit den Seeds Seed, Seed + 1, ...: Die Ergebnistabelle zeigt Mittelwert ± Standardabweichung über diese Läufe, und der gepaarte Test paart sie nach Seed.</translation>
    </message>
    <message>
        <source>See&amp;ds:</source>
        <translation>See&amp;ds:</translation>
    </message>
    <message>
        <source>Train every point of the paper&apos;s grid (α ∈ {%1}, λ ∈ {%2}; λ only for single-task models) and keep the one with the best validation Recall@k.</source>
        <translation>Jeden Punkt des Gitters aus dem Paper trainieren (α ∈ {%1}, λ ∈ {%2}; λ nur für Single-Task-Modelle) und den Punkt mit dem besten Validierungs-Recall@k behalten.</translation>
    </message>
    <message>
        <source>Hyper-parameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>Train the selected model on the engine thread.</source>
        <translation>Das ausgewählte Modell im Engine-Thread trainieren.</translation>
    </message>
    <message>
        <source>Queue the selected RnR model and its vanilla twin on the same data, split and seed.</source>
        <translation>Das ausgewählte RnR-Modell und sein Vanilla-Gegenstück mit denselben Daten, derselben Aufteilung und demselben Seed in die Warteschlange stellen.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>A single-task model has either a ranking or a rating algorithm: choose None for the other, or a multi-task mode.</source>
        <translation>Ein Single-Task-Modell hat entweder einen Ranking- oder einen Bewertungsalgorithmus: Für den anderen „Keiner“ wählen oder einen Multi-Task-Modus.</translation>
    </message>
    <message>
        <source>Choose a ranking or a rating algorithm.</source>
        <translation>Bitte einen Ranking- oder einen Bewertungsalgorithmus auswählen.</translation>
    </message>
    <message>
        <source>Multi-task modes need a learnt ranking algorithm (BPR, CDAE, WRMF) and a rating algorithm.</source>
        <translation>Multi-Task-Modi brauchen einen gelernten Ranking-Algorithmus (BPR, CDAE, WRMF) und einen Bewertungsalgorithmus.</translation>
    </message>
    <message>
        <source>How the two tasks share the user and item vectors (each entry&apos;s tooltip says what the rating task sees).</source>
        <translation>Wie die beiden Aufgaben die Nutzer- und Item-Vektoren teilen (der Tooltip jedes Eintrags sagt, was die Bewertungsaufgabe sieht).</translation>
    </message>
    <message>
        <source>Choose-then-like cascades need a learnt ranking algorithm (BPR, CDAE, WRMF) as their choice head; they have no rating algorithm.</source>
        <translation>Wählen-dann-mögen-Kaskaden brauchen einen gelernten Ranking-Algorithmus (BPR, CDAE, WRMF) als Wahlkopf; sie haben keinen Bewertungsalgorithmus.</translation>
    </message>
    <message>
        <source>Choose-then-like cascades have a like head instead of a rating algorithm.</source>
        <translation>Wählen-dann-mögen-Kaskaden haben einen Gefallenskopf statt eines Bewertungsalgorithmus.</translation>
    </message>
    <message>
        <source>Larger item id</source>
        <translation>Größere Item-ID</translation>
    </message>
    <message>
        <source>Later row of the file</source>
        <translation>Spätere Zeile der Datei</translation>
    </message>
    <message>
        <source>Random (by the seed)</source>
        <translation>Zufällig (nach dem Seed)</translation>
    </message>
    <message>
        <source>Drop such users from held-out</source>
        <translation>Solche Nutzer nicht zurückhalten</translation>
    </message>
    <message>
        <source>The larger item id (by value when ids are numbers): independent of the row order.</source>
        <translation>Die größere Item-ID (nach Zahlenwert, wenn die IDs Zahlen sind): unabhängig von der Zeilenreihenfolge.</translation>
    </message>
    <message>
        <source>The later row of the file: reordering the file changes the split.</source>
        <translation>Die spätere Zeile der Datei: Eine umsortierte Datei ändert die Aufteilung.</translation>
    </message>
    <message>
        <source>One of the tied items, drawn with the split&apos;s seed: independent of the row order.</source>
        <translation>Eines der gleichzeitigen Items, gezogen mit dem Seed der Aufteilung: unabhängig von der Zeilenreihenfolge.</translation>
    </message>
    <message>
        <source>Users whose last timestamp is shared by several ratings are only trained on.</source>
        <translation>Nutzer, deren letzter Zeitstempel mehrere Bewertungen trägt, dienen nur dem Training.</translation>
    </message>
    <message>
        <source>Which rating is held out when a user rated several items in the same second as their last rating (in MovieLens 100K, 415 of 943 users).</source>
        <translation>Welche Bewertung zurückgehalten wird, wenn ein Nutzer mehrere Items in derselben Sekunde wie seine letzte Bewertung bewertet hat (in MovieLens 100K 415 von 943 Nutzern).</translation>
    </message>
    <message>
        <source>&amp;Ties:</source>
        <translation>G&amp;leichstand:</translation>
    </message>
</context>
<context>
    <name>rnr::GuideView</name>
    <message>
        <source>Guide to RnR Explorer</source>
        <translation>Anleitung zu RnR Explorer</translation>
    </message>
    <message>
        <source>RnR Explorer trains a ranking model and a rating model together on shared user and item embeddings and shows what the sharing does. In &lt;i&gt;Rank and Rate&lt;/i&gt; (RnR) the rating task sees each item through a learnt post-consumption deviation and a tied non-linear layer; vanilla multi-task learning shares the embeddings as they are. This guide walks through a first session on the built-in demo data. Each link does what it names: it brings a tab to the front or starts the action.</source>
        <translation>RnR Explorer trainiert ein Ranking- und ein Bewertungsmodell gemeinsam auf geteilten Nutzer- und Item-Einbettungen und zeigt, was das Teilen bewirkt. Bei &lt;i&gt;Rank and Rate&lt;/i&gt; (RnR) sieht die Bewertungsaufgabe jedes Item durch eine gelernte Abweichung nach dem Konsum und eine gekoppelte nichtlineare Schicht; Vanilla-Multi-Task-Lernen teilt die Einbettungen, wie sie sind. Diese Anleitung führt durch eine erste Sitzung mit den eingebauten Demodaten. Jeder Link tut, was er nennt: Er holt einen Tab nach vorn oder startet die Aktion.</translation>
    </message>
    <message>
        <source>A first session</source>
        <translation>Eine erste Sitzung</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data.&lt;/b&gt; The app starts on the built-in demo data (%1 generates it again): users and items whose ratings come from a choose-then-rate process with a planted per-item deviation, so that you can see whether a model finds it. The %2 tab shows the counts, the rating histogram, the activity of users and items, and what training uses.</source>
        <translation>&lt;b&gt;Die Daten.&lt;/b&gt; Die App startet mit den eingebauten Demodaten (%1 erzeugt sie neu): Nutzer und Items, deren Bewertungen aus einem Prozess »erst wählen, dann bewerten« mit einer eingepflanzten Abweichung je Item stammen, sodass Sie sehen können, ob ein Modell sie findet. Der Tab %2 zeigt die Anzahlen, das Bewertungshistogramm, die Aktivität von Nutzern und Items und was das Training verwendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train.&lt;/b&gt; In the %1 panel, choose a ranking model, a rating model and how they are coupled (RnR by default), then %2. Training runs on a background engine thread; the status bar shows the epoch, the samples per second and the time left, and %3 and %4 act at once. %5 trains the same model as RnR and as vanilla multi-task learning on the same data, split and seed. Seeds trains each model several times (mean ± standard deviation), and the α × λ grid search keeps the best validation point.</source>
        <translation>&lt;b&gt;Trainieren.&lt;/b&gt; Wählen Sie im Bereich %1 ein Ranking-Modell, ein Bewertungsmodell und ihre Kopplung (standardmäßig RnR), dann %2. Das Training läuft in einem Engine-Thread im Hintergrund; die Statusleiste zeigt die Epoche, die Beispiele pro Sekunde und die verbleibende Zeit, und %3 und %4 wirken sofort. %5 trainiert dasselbe Modell als RnR und als Vanilla-Multi-Task-Lernen mit denselben Daten, derselben Aufteilung und demselben Seed. Seeds trainiert jedes Modell mehrmals (Mittelwert ± Standardabweichung), und die α × λ-Gittersuche behält den besten Validierungspunkt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch.&lt;/b&gt; The %1 tab draws live curves of every run: the total, ranking, rating and regularisation loss of each batch (with adjustable smoothing, markers at the epoch means) and the validation Recall@k, MRR@k, NDCG@k and RMSE. Click a legend entry to hide a run; the wheel zooms, dragging pans, and the context menu resets the zoom or exports the plot as PNG, PDF or SVG.</source>
        <translation>&lt;b&gt;Beobachten.&lt;/b&gt; Der Tab %1 zeichnet Live-Kurven jedes Laufs: den Gesamt-, Ranking-, Bewertungs- und Regularisierungsverlust jedes Batches (mit einstellbarer Glättung, Markierungen an den Epochenmitteln) und die Validierungswerte Recall@k, MRR@k, NDCG@k und RMSE. Ein Klick auf einen Legendeneintrag blendet einen Lauf aus; das Mausrad zoomt, Ziehen verschiebt, und das Kontextmenü setzt den Zoom zurück oder exportiert das Diagramm als PNG, PDF oder SVG.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare.&lt;/b&gt; The %1 tab is the paper&apos;s Table 1: the test figures at each model&apos;s best validation epoch, mean ± standard deviation over seeds, the best of each column in bold, exported as CSV, Markdown or LaTeX. Select two rows and the panel below runs the paired sign-flip test over the held-out users: which model wins, by how much, and how sure that is.</source>
        <translation>&lt;b&gt;Vergleichen.&lt;/b&gt; Der Tab %1 ist Tabelle 1 des Artikels: die Testwerte in der besten Validierungsepoche jedes Modells, Mittelwert ± Standardabweichung über Seeds, der beste Wert jeder Spalte fett, exportierbar als CSV, Markdown oder LaTeX. Wählen Sie zwei Zeilen, und der Bereich darunter führt den gepaarten Vorzeichen-Permutationstest über die zurückgehaltenen Nutzer aus: welches Modell gewinnt, um wie viel und wie sicher das ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Look inside.&lt;/b&gt; The %1 tab puts the item vectors the ranking task uses beside those the rating task uses (after RnR&apos;s deviation and tied layer), projected by PCA, t-SNE or UMAP (the last two computed in the background, with Cancel) and coloured by genre, popularity or mean rating. Hover for titles; click an item, or find it by title, to select it in every view. The %2 tab shows what an RnR run&apos;s deviation learnt: its size against popularity and mean rating, the items that deviate most and, on the demo data, the learnt against the planted deviation.</source>
        <translation>&lt;b&gt;Hineinschauen.&lt;/b&gt; Der Tab %1 stellt die Item-Vektoren der Ranking-Aufgabe neben die der Bewertungsaufgabe (nach RnRs Abweichung und gekoppelter Schicht), projiziert mit PCA, t-SNE oder UMAP (die beiden letzten im Hintergrund berechnet, mit Abbrechen) und gefärbt nach Genre, Beliebtheit oder mittlerer Bewertung. Zeigen Sie auf einen Punkt für den Titel; klicken Sie ein Item an oder suchen Sie es nach Titel, um es in jeder Ansicht auszuwählen. Der Tab %2 zeigt, was die Abweichung eines RnR-Laufs gelernt hat: ihre Größe gegen Beliebtheit und mittlere Bewertung, die am stärksten abweichenden Items und, bei den Demodaten, die gelernte gegen die eingepflanzte Abweichung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;One user.&lt;/b&gt; In the %1 tab, type a user id: their history (the held-out rating marked ★), the top 10 of the latest runs side by side with predicted ratings, the held-out item&apos;s rank under each run, and the items only one run recommends (≠).</source>
        <translation>&lt;b&gt;Ein Nutzer.&lt;/b&gt; Geben Sie im Tab %1 eine Nutzer-ID ein: seine Historie (die zurückgehaltene Bewertung mit ★ markiert), die Top 10 der letzten Läufe nebeneinander mit vorhergesagten Bewertungen, den Rang des zurückgehaltenen Items in jedem Lauf und die Items, die nur ein Lauf empfiehlt (≠).</translation>
    </message>
    <message>
        <source>Your own data</source>
        <translation>Eigene Daten</translation>
    </message>
    <message>
        <source>%1 and %2 open MovieLens (100K, 1M, 10M, latest), Yelp reviews or any CSV or TSV file; dropping a file or folder on the window does the same. A generic file first asks which columns hold the user, the item, the rating and the time. Loading runs in the background and can be cancelled. A row that cannot be read is skipped and counted, or stops the load with its file, line and cause, as %3 sets; a failed load keeps the data set you had.</source>
        <translation>%1 und %2 öffnen MovieLens (100K, 1M, 10M, latest), Yelp-Rezensionen oder jede CSV- oder TSV-Datei; eine Datei oder einen Ordner auf das Fenster zu ziehen, tut dasselbe. Bei einer allgemeinen Datei wird zuerst gefragt, welche Spalten Nutzer, Item, Bewertung und Zeit enthalten. Das Laden läuft im Hintergrund und lässt sich abbrechen. Eine Zeile, die nicht gelesen werden kann, wird übersprungen und gezählt oder beendet das Laden mit Datei, Zeile und Ursache, je nachdem, was %3 festlegt; ein fehlgeschlagenes Laden behält den bisherigen Datensatz.</translation>
    </message>
    <message>
        <source>MovieLens 100K makes a good first real data set: download ml-100k.zip from grouplens.org, unzip it, open the ml-100k folder, set Seeds to 3 and %1. With 20 epochs the six runs take well under a minute on two cores; then select both rows of the results for the paired test.</source>
        <translation>MovieLens 100K ist ein guter erster echter Datensatz: Laden Sie ml-100k.zip von grouplens.org herunter, entpacken Sie es, öffnen Sie den Ordner ml-100k, setzen Sie Seeds auf 3 und %1. Mit 20 Epochen dauern die sechs Läufe auf zwei Kernen deutlich unter einer Minute; wählen Sie dann beide Zeilen der Ergebnisse für den gepaarten Test.</translation>
    </message>
    <message>
        <source>Keeping and sharing results</source>
        <translation>Ergebnisse behalten und weitergeben</translation>
    </message>
    <message>
        <source>%1 writes the data set, the settings and every finished run (curves, results and trained models) to one file, and %2 brings it all back. %3 and %4 write the shown run&apos;s embeddings for the TensorBoard projector and NumPy, and every user&apos;s top k as CSV; the command-line program rnr does the same without a window. %5 shows what the engine did: the files read, each run&apos;s start and result, and warnings.</source>
        <translation>%1 schreibt den Datensatz, die Einstellungen und jeden beendeten Lauf (Kurven, Ergebnisse und trainierte Modelle) in eine Datei, und %2 holt alles zurück. %3 und %4 schreiben die Einbettungen des gezeigten Laufs für den TensorBoard-Projektor und NumPy sowie die Top k jedes Nutzers als CSV; das Kommandozeilenprogramm rnr tut dasselbe ohne Fenster. %5 zeigt, was die Engine getan hat: die gelesenen Dateien, Start und Ergebnis jedes Laufs und Warnungen.</translation>
    </message>
    <message>
        <source>%1 renames a run everywhere it is shown; %2 takes a finished run out with its curves, results and model, and %3 brings it back. %4 sets the language, the colours, the training threads and the default epochs.</source>
        <translation>%1 benennt einen Lauf überall um, wo er gezeigt wird; %2 entfernt einen beendeten Lauf mit Kurven, Ergebnissen und Modell, und %3 holt ihn zurück. %4 legt Sprache, Farben, Trainings-Threads und die voreingestellten Epochen fest.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>The method</source>
        <translation>Die Methode</translation>
    </message>
    <message>
        <source>G. Hadash, O. Sar Shalom and R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; RecSys 2018. %1 lists the licences.</source>
        <translation>G. Hadash, O. Sar Shalom und R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; RecSys 2018. %1 nennt die Lizenzen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ask why.&lt;/b&gt; The %1 tab shows, for every multi-task run and epoch, how the two tasks&apos; gradients on the user and item vectors they share relate: their cosine, the share of rows where they point apart, their sizes and the task weights in force (which the loss balancing methods change). For MMoE and PLE runs it shows how each task&apos;s gate weighs the experts. The paper&apos;s hypothesis, that RnR takes the conflict off the shared item vectors, is tested here: compare an RnR run with a vanilla one.</source>
        <translation>&lt;b&gt;Nach dem Warum fragen.&lt;/b&gt; Der Tab %1 zeigt für jeden Multi-Task-Lauf und jede Epoche, wie die Gradienten der beiden Aufgaben auf den geteilten Nutzer- und Item-Vektoren zueinander stehen: ihr Kosinus, der Anteil der Zeilen, in denen sie auseinander zeigen, ihre Größen und die geltenden Aufgabengewichte (die die Verfahren der Verlustgewichtung ändern). Für MMoE- und PLE-Läufe zeigt er, wie das Gate jeder Aufgabe die Experten gewichtet. Die Hypothese des Papers, dass RnR den Konflikt von den geteilten Item-Vektoren nimmt, wird hier geprüft: Vergleichen Sie einen RnR-Lauf mit einem Vanilla-Lauf.</translation>
    </message>
</context>
<context>
    <name>rnr::HyperParams</name>
    <message>
        <source>Embedding size d</source>
        <translation>Einbettungsgröße d</translation>
    </message>
    <message>
        <source>Length of the user and item vectors shared by both tasks.</source>
        <translation>Länge der Nutzer- und Item-Vektoren, die sich beide Aufgaben teilen.</translation>
    </message>
    <message>
        <source>Task weight α</source>
        <translation>Aufgabengewicht α</translation>
    </message>
    <message>
        <source>Weight of the ranking loss; the rating loss gets 1 - α. 1 trains ranking only.</source>
        <translation>Gewicht des Ranking-Verlusts; der Bewertungsverlust erhält 1 - α. Bei 1 wird nur das Ranking trainiert.</translation>
    </message>
    <message>
        <source>Regularisation λ</source>
        <translation>Regularisierung λ</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>adam (default), adagrad (the paper&apos;s, with a larger rate than its 0.001) or plain sgd.</source>
        <translation>adam (Standard), adagrad (wie im Paper, aber mit größerer Lernrate als dessen 0.001) oder einfaches sgd.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Step size of the optimiser.</source>
        <translation>Schrittweite des Optimierers.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training data.</source>
        <translation>Durchläufe über die Trainingsdaten.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Rating tuples per minibatch (one optimiser step each).</source>
        <translation>Bewertungstupel pro Minibatch (je ein Optimiererschritt).</translation>
    </message>
    <message>
        <source>Activation g</source>
        <translation>Aktivierung g</translation>
    </message>
    <message>
        <source>BPR negatives</source>
        <translation>BPR-Negative</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for BPR.</source>
        <translation>Gezogene negative Items pro positivem Item für BPR.</translation>
    </message>
    <message>
        <source>CDAE negatives</source>
        <translation>CDAE-Negative</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for CDAE.</source>
        <translation>Gezogene negative Items pro positivem Item für CDAE.</translation>
    </message>
    <message>
        <source>CDAE dropout ρ</source>
        <translation>CDAE-Dropout ρ</translation>
    </message>
    <message>
        <source>Share of a user&apos;s input items dropped (survivors scaled by 1/(1-ρ)).</source>
        <translation>Anteil der verworfenen Eingabe-Items eines Nutzers (die verbleibenden werden mit 1/(1-ρ) skaliert).</translation>
    </message>
    <message>
        <source>WRMF negatives</source>
        <translation>WRMF-Negative</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for WRMF.</source>
        <translation>Gezogene negative Items pro positivem Item für WRMF.</translation>
    </message>
    <message>
        <source>WRMF confidence a</source>
        <translation>WRMF-Konfidenz a</translation>
    </message>
    <message>
        <source>Confidence of a positive is 1 + a * rating in WRMF&apos;s weighted squared loss.</source>
        <translation>Die Konfidenz eines positiven Items ist 1 + a * Bewertung im gewichteten quadratischen Verlust von WRMF.</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Worker threads for training and evaluation.</source>
        <translation>Worker-Threads für Training und Evaluation.</translation>
    </message>
    <message>
        <source>Model seed</source>
        <translation>Modell-Seed</translation>
    </message>
    <message>
        <source>Seed of the initialisation and of negative sampling.</source>
        <translation>Seed der Initialisierung und des Negative Samplings.</translation>
    </message>
    <message>
        <source>Validation users</source>
        <translation>Validierungsnutzer</translation>
    </message>
    <message>
        <source>Validate each epoch on at most this many users (0: all), for big data sets.</source>
        <translation>In jeder Epoche auf höchstens so vielen Nutzern validieren (0: alle), für große Datensätze.</translation>
    </message>
    <message>
        <source>L2 penalty on the embeddings, the deviations, the FC layer and the experts, applied to the rows each minibatch touches.</source>
        <translation>L2-Strafterm auf die Einbettungen, die Abweichungen, die FC-Schicht und die Experten, angewandt auf die Zeilen, die jeder Minibatch berührt.</translation>
    </message>
    <message>
        <source>Non-linearity of RnR&apos;s tied FC layer and of the experts&apos; layers; identity is an ablation, not RnR.</source>
        <translation>Nichtlinearität der gekoppelten FC-Schicht von RnR und der Schichten der Experten; identity ist eine Ablation, nicht RnR.</translation>
    </message>
    <message>
        <source>Shared experts</source>
        <translation>Geteilte Experten</translation>
    </message>
    <message>
        <source>MMoE and PLE: experts (FC layer + activation g, d x d each) that both tasks&apos; gates mix.</source>
        <translation>MMoE und PLE: Experten (FC-Schicht + Aktivierung g, je d x d), die die Gates beider Aufgaben mischen.</translation>
    </message>
    <message>
        <source>Task experts</source>
        <translation>Aufgabenexperten</translation>
    </message>
    <message>
        <source>PLE: experts of each task&apos;s own, beside the shared ones.</source>
        <translation>PLE: eigene Experten jeder Aufgabe neben den geteilten.</translation>
    </message>
    <message>
        <source>Loss balancing</source>
        <translation>Verlustgewichtung</translation>
    </message>
    <message>
        <source>How a multi-task model weighs its ranking and rating losses; single-task models ignore it.</source>
        <translation>Wie ein Multi-Task-Modell seinen Ranking- und Bewertungsverlust gewichtet; Single-Task-Modelle ignorieren es.</translation>
    </message>
    <message>
        <source>GradNorm asymmetry a</source>
        <translation>GradNorm-Asymmetrie a</translation>
    </message>
    <message>
        <source>GradNorm: how much harder the task that learns more slowly is pulled; 0 equalises the gradient norms alone.</source>
        <translation>GradNorm: wie viel stärker die langsamer lernende Aufgabe gezogen wird; 0 gleicht nur die Gradientennormen an.</translation>
    </message>
    <message>
        <source>DWA temperature T</source>
        <translation>DWA-Temperatur T</translation>
    </message>
    <message>
        <source>DWA: softens the weights; large values give both tasks the same weight.</source>
        <translation>DWA: glättet die Gewichte; große Werte geben beiden Aufgaben dasselbe Gewicht.</translation>
    </message>
    <message>
        <source>Extraction levels</source>
        <translation>Extraktionsebenen</translation>
    </message>
    <message>
        <source>PLE: 1 is one CGC level; 2 adds a shared gate over every first-level expert and a second level of experts that reads the first level&apos;s outputs.</source>
        <translation>PLE: 1 ist eine CGC-Ebene; 2 fügt ein gemeinsames Gate über alle Experten der ersten Ebene hinzu und eine zweite Ebene von Experten, die die Ausgaben der ersten Ebene liest.</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Like threshold</source>
        <translation>Gefällt-Schwelle</translation>
    </message>
    <message>
        <source>A rating at or above it counts as a like; auto: the rating at three quarters of the scale&apos;s range, rounded up to its step (4 on 1-5 and on 0.5-5).</source>
        <translation>Eine Bewertung ab diesem Wert zählt als Gefallen; automatisch: die Bewertung bei drei Vierteln des Skalenbereichs, auf die Schrittweite aufgerundet (4 auf 1–5 und auf 0,5–5).</translation>
    </message>
    <message>
        <source>Cut-off of Recall@k, MRR@k, NDCG@k and of the like ranking&apos;s Like@k.</source>
        <translation>Grenze k von Recall@k, MRR@k, NDCG@k und von Like@k der Gefällt-Rangfolge.</translation>
    </message>
    <message>
        <source>Like negatives</source>
        <translation>Gefallens-Negative</translation>
    </message>
    <message>
        <source>ESMM and pairwise: sampled unrated items (not chosen, so not liked) per rated item in the like task&apos;s loss.</source>
        <translation>ESMM und paarweise: gezogene unbewertete Items (nicht gewählt, also nicht gemocht) je bewertetem Item im Verlust der Gefallensaufgabe.</translation>
    </message>
    <message>
        <source>Pairwise weight w</source>
        <translation>Paarweises Gewicht w</translation>
    </message>
    <message>
        <source>Pairwise cascade: weight of the hinge terms beside the cross-entropy.</source>
        <translation>Paarweise Kaskade: Gewicht der Hinge-Terme neben der Kreuzentropie.</translation>
    </message>
    <message>
        <source>Margin m₁</source>
        <translation>Abstand m₁</translation>
    </message>
    <message>
        <source>Pairwise cascade: how far a liked item&apos;s score should lie above a chosen-but-not-liked item&apos;s of the same user.</source>
        <translation>Paarweise Kaskade: wie weit der Score eines gemochten Items über dem eines gewählten, aber nicht gemochten Items desselben Nutzers liegen soll.</translation>
    </message>
    <message>
        <source>Margin m₂</source>
        <translation>Abstand m₂</translation>
    </message>
    <message>
        <source>Pairwise cascade: how far a liked item&apos;s score should lie above a not-chosen (unrated, sampled) item&apos;s.</source>
        <translation>Paarweise Kaskade: wie weit der Score eines gemochten Items über dem eines nicht gewählten (unbewerteten, gezogenen) Items liegen soll.</translation>
    </message>
    <message>
        <source>Pairwise heads</source>
        <translation>Paarweise Köpfe</translation>
    </message>
    <message>
        <source>Pairwise cascade: like puts the hinge terms on the like score log p(like); both also on the choice head&apos;s score.</source>
        <translation>Paarweise Kaskade: like setzt die Hinge-Terme auf den Gefallensscore log p(mögen); both zusätzlich auf den Score des Wahlkopfs.</translation>
    </message>
</context>
<context>
    <name>rnr::InterplayPlot</name>
    <message>
        <source>Cosine of the task gradients on item vectors</source>
        <translation>Kosinus der Aufgabengradienten auf Item-Vektoren</translation>
    </message>
    <message>
        <source>Cosine of the task gradients on user vectors</source>
        <translation>Kosinus der Aufgabengradienten auf Nutzervektoren</translation>
    </message>
    <message>
        <source>Share of shared rows in conflict</source>
        <translation>Anteil geteilter Zeilen im Konflikt</translation>
    </message>
    <message>
        <source>Share of batches in conflict</source>
        <translation>Anteil der Batches im Konflikt</translation>
    </message>
    <message>
        <source>Ranking gradient norm</source>
        <translation>Norm des Ranking-Gradienten</translation>
    </message>
    <message>
        <source>Rating gradient norm</source>
        <translation>Norm des Bewertungsgradienten</translation>
    </message>
    <message>
        <source>Ranking task weight</source>
        <translation>Gewicht der Ranking-Aufgabe</translation>
    </message>
    <message>
        <source>Rating task weight</source>
        <translation>Gewicht der Bewertungsaufgabe</translation>
    </message>
    <message>
        <source>Measured on 16 batches of every epoch, before their step: each task&apos;s own gradient on the user and item vectors both tasks share. A cosine below 0, or a row whose two gradients point apart, is a conflict.</source>
        <translation>Gemessen auf 16 Batches jeder Epoche, vor ihrem Schritt: der eigene Gradient jeder Aufgabe auf den Nutzer- und Item-Vektoren, die beide Aufgaben teilen. Ein Kosinus unter 0 oder eine Zeile, deren zwei Gradienten auseinander zeigen, ist ein Konflikt.</translation>
    </message>
    <message>
        <source>The paper&apos;s hypothesis: RnR&apos;s deviation and tied layer take the conflict off the shared item vectors that vanilla sharing suffers — a higher cosine on item vectors and fewer rows in conflict than vanilla, on the same data and seeds. Single-task runs have no curve here.</source>
        <translation>Die Hypothese des Papers: Die Abweichung und die gekoppelte Schicht von RnR nehmen den geteilten Item-Vektoren den Konflikt, unter dem Vanilla-Sharing leidet — ein höherer Kosinus auf Item-Vektoren und weniger Zeilen im Konflikt als Vanilla, auf denselben Daten und Seeds. Single-Task-Läufe haben hier keine Kurve.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Experte</translation>
    </message>
    <message>
        <source>Mean gate weight</source>
        <translation>Mittleres Gate-Gewicht</translation>
    </message>
    <message>
        <source>Ranking task</source>
        <translation>Ranking-Aufgabe</translation>
    </message>
    <message>
        <source>Rating task</source>
        <translation>Bewertungsaufgabe</translation>
    </message>
    <message>
        <source>The run whose gates are shown: its last epoch&apos;s mean weight of each expert in each task&apos;s gate (MMoE and PLE runs only). For PLE, each task&apos;s own expert has no weight in the other task&apos;s gate.</source>
        <translation>Der Lauf, dessen Gates gezeigt werden: das mittlere Gewicht jedes Experten im Gate jeder Aufgabe in seiner letzten Epoche (nur MMoE- und PLE-Läufe). Bei PLE hat der eigene Experte einer Aufgabe kein Gewicht im Gate der anderen.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Gates of:</source>
        <translation>Gates von:</translation>
    </message>
    <message>
        <source>(no run with experts yet)</source>
        <translation>(noch kein Lauf mit Experten)</translation>
    </message>
    <message>
        <source>rating&apos;s own</source>
        <translation>eigener der Bewertung</translation>
    </message>
    <message>
        <source>ranking&apos;s own</source>
        <translation>eigener des Rankings</translation>
    </message>
    <message>
        <source>shared %1</source>
        <translation>geteilt %1</translation>
    </message>
</context>
<context>
    <name>rnr::ItemSearch</name>
    <message>
        <source>Find an item by title</source>
        <translation>Item nach Titel suchen</translation>
    </message>
</context>
<context>
    <name>rnr::LoadOptionsDialog</name>
    <message>
        <source>Malformed rows:</source>
        <translation>Fehlerhafte Zeilen:</translation>
    </message>
    <message>
        <source>A missing user, item or rating:</source>
        <translation>Fehlender Nutzer, fehlendes Item oder fehlende Bewertung:</translation>
    </message>
    <message>
        <source>A rating or time that is not a number:</source>
        <translation>Bewertung oder Zeit, die keine Zahl ist:</translation>
    </message>
    <message>
        <source>A rating outside the scale:</source>
        <translation>Bewertung außerhalb der Skala:</translation>
    </message>
    <message>
        <source>A repeated rating (else the latest is kept):</source>
        <translation>Wiederholte Bewertung (sonst bleibt die letzte):</translation>
    </message>
    <message>
        <source>&amp;Override the format&apos;s rating scale</source>
        <translation>Bewertungsskala des Formats &amp;überschreiben</translation>
    </message>
    <message>
        <source>Load Options</source>
        <translation>Ladeoptionen</translation>
    </message>
    <message>
        <source>0: any value between the ends</source>
        <translation>0: jeder Wert zwischen den Enden</translation>
    </message>
    <message>
        <source>Ratings outside this scale (or off its steps) are out-of-scale rows; without an override each format&apos;s own scale is used (e.g. 0.5 to 5 in half stars for MovieLens ratings.csv).</source>
        <translation>Bewertungen außerhalb dieser Skala (oder neben ihren Stufen) gelten als Zeilen außerhalb der Skala; ohne Überschreiben gilt die Skala des jeweiligen Formats (z. B. 0,5 bis 5 in halben Sternen für MovieLens ratings.csv).</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>Nicht verwendbare Zeilen</translation>
    </message>
    <message>
        <source>Skip and count</source>
        <translation>Überspringen und zählen</translation>
    </message>
    <message>
        <source>Stop with the file and line</source>
        <translation>Mit Datei und Zeile abbrechen</translation>
    </message>
    <message>
        <source>These apply to every data set opened from now on, as rnr&apos;s --scale and --on-problem do.</source>
        <translation>Dies gilt für jeden ab jetzt geöffneten Datensatz, wie --scale und --on-problem von rnr.</translation>
    </message>
</context>
<context>
    <name>rnr::LogPanel</name>
    <message>
        <source>Messages of the engine appear here: files read and written, runs started and finished, warnings.</source>
        <translation>Hier erscheinen die Meldungen der Engine: gelesene und geschriebene Dateien, gestartete und beendete Läufe, Warnungen.</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>rnr::LossPlot</name>
    <message>
        <source>Per-&amp;batch curves</source>
        <translation>Kurven je &amp;Batch</translation>
    </message>
    <message>
        <source>Thin lines: the training losses within each epoch, reported every few milliseconds; the markers are the epoch means.</source>
        <translation>Dünne Linien: die Trainingsverluste innerhalb jeder Epoche, alle paar Millisekunden gemeldet; die Markierungen sind die Epochenmittelwerte.</translation>
    </message>
    <message>
        <source>Exponential moving average of the per-batch curves: the weight of the past (0 = raw values).</source>
        <translation>Exponentiell gleitender Mittelwert der Kurven je Batch: das Gewicht der Vergangenheit (0 = Rohwerte).</translation>
    </message>
    <message>
        <source>Total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>Ranking loss</source>
        <translation>Ranking-Verlust</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Regularisierung</translation>
    </message>
    <message>
        <source>Validation Recall@k</source>
        <translation>Validierungs-Recall@k</translation>
    </message>
    <message>
        <source>Validation MRR@k</source>
        <translation>Validierungs-MRR@k</translation>
    </message>
    <message>
        <source>Validation NDCG@k</source>
        <translation>Validierungs-NDCG@k</translation>
    </message>
    <message>
        <source>Validation RMSE</source>
        <translation>Validierungs-RMSE</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>Rating or like loss</source>
        <translation>Bewertungs- oder Gefallensverlust</translation>
    </message>
</context>
<context>
    <name>rnr::MainWindow</name>
    <message>
        <source>&amp;Data set</source>
        <translation>Daten&amp;satz</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Embeddings</source>
        <translation>E&amp;inbettungen</translation>
    </message>
    <message>
        <source>De&amp;viations</source>
        <translation>Ab&amp;weichungen</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Nutzer</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Training in progress</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>A model is still training. Stop it and quit?</source>
        <translation>Ein Modell wird noch trainiert. Training stoppen und beenden?</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Data Set File...</source>
        <translation>&amp;Datensatzdatei öffnen...</translation>
    </message>
    <message>
        <source>Open a ratings file (MovieLens, Yelp, CSV)</source>
        <translation>Eine Bewertungsdatei öffnen (MovieLens, Yelp, CSV)</translation>
    </message>
    <message>
        <source>Open Data Set &amp;Folder...</source>
        <translation>Datensatz&amp;ordner öffnen...</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>De&amp;modaten laden</translation>
    </message>
    <message>
        <source>Generate the built-in demo data with a planted post-consumption deviation</source>
        <translation>Die eingebauten Demodaten mit einer vorgegebenen Abweichung nach dem Konsum erzeugen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion...</source>
        <translation>S&amp;itzung öffnen...</translation>
    </message>
    <message>
        <source>&amp;Save Session As...</source>
        <translation>Sitzung &amp;speichern unter...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Train the selected model (Ctrl+R)</source>
        <translation>Das ausgewählte Modell trainieren (Strg+R)</translation>
    </message>
    <message>
        <source>Compare with &amp;Vanilla</source>
        <translation>Mit &amp;Vanilla vergleichen</translation>
    </message>
    <message>
        <source>Train the selected model as RnR and as vanilla multi-task, same split and seed</source>
        <translation>Das ausgewählte Modell als RnR und als Vanilla-Multi-Task trainieren, mit derselben Aufteilung und demselben Seed</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>S&amp;top All</source>
        <translation>Alle s&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the running model and drop the queued ones</source>
        <translation>Das laufende Modell stoppen und die wartenden verwerfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About RnR Explorer</source>
        <translation>Ü&amp;ber RnR Explorer</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>Training von %1</translation>
    </message>
    <message>
        <source>%1 finished: test Recall@%2 %3, MRR@%2 %4</source>
        <translation>%1 fertig: Test-Recall@%2 %3, MRR@%2 %4</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 gestoppt</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to train on</source>
        <translation>Keine Trainingsdaten</translation>
    </message>
    <message>
        <source>No user of this data set has at least 4 ratings.</source>
        <translation>Kein Nutzer dieses Datensatzes hat mindestens 4 Bewertungen.</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell auswählen</translation>
    </message>
    <message>
        <source>Could not open the data set</source>
        <translation>Datensatz konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

The data set shown before is still loaded.</source>
        <translation>%1

Der zuvor angezeigte Datensatz bleibt geladen.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>%1 wird gelesen...</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>%1 wird geladen...</translation>
    </message>
    <message>
        <source>Rows skipped while loading %1</source>
        <translation>Beim Laden von %1 übersprungene Zeilen</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Loading %1 cancelled; the data set shown before is still loaded.</source>
        <translation>Laden von %1 abgebrochen; der zuvor angezeigte Datensatz bleibt geladen.</translation>
    </message>
    <message>
        <source>Selected %1</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent data sets</source>
        <translation>Keine zuletzt geöffneten Datensätze</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open Data Set File</source>
        <translation>Datensatzdatei öffnen</translation>
    </message>
    <message>
        <source>Ratings files (*.data *.dat *.csv *.tsv *.txt *.json);;All files (*)</source>
        <translation>Bewertungsdateien (*.data *.dat *.csv *.tsv *.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Data Set Folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>Sitzung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Stop the training before opening a session: it replaces the runs shown.</source>
        <translation>Vor dem Öffnen einer Sitzung bitte das Training stoppen: Die Sitzung ersetzt die angezeigten Läufe.</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

Nothing was changed.</source>
        <translation>%1

Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>RnR Explorer sessions (*.rnrsession)</source>
        <translation>RnR-Explorer-Sitzungen (*.rnrsession)</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>RnR Explorer sessions (*.rnrsession);;All files (*)</source>
        <translation>RnR-Explorer-Sitzungen (*.rnrsession);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About RnR Explorer</source>
        <translation>Über RnR Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RnR Explorer %1&lt;/h3&gt;&lt;p&gt;Explore multi-task recommender training: a ranking and a rating model trained together on shared user and item embeddings, compared with vanilla multi-task learning, the Rank and Rate way.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RnR Explorer %1&lt;/h3&gt;&lt;p&gt;Multi-Task-Training von Empfehlungssystemen erkunden: ein Ranking- und ein Bewertungsmodell, gemeinsam auf geteilten Nutzer- und Item-Einbettungen trainiert nach dem Ansatz von Rank and Rate, im Vergleich mit Vanilla-Multi-Task-Learning.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (läuft unter Qt %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licence.&lt;/b&gt; RnR Explorer is free software under the MIT licence. It uses Qt 6 (LGPL v3), QCustomPlot 2.1 (GPL v3), Eigen 3.4 (MPL 2.0), oneTBB 2021 (Apache 2.0) and simdjson (Apache 2.0); because QCustomPlot is under the GPL, the program as distributed in binary form is covered by the GPL v3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;How to cite the method.&lt;/b&gt; G. Hadash, O. Sar Shalom and R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; Proceedings of the 12th ACM Conference on Recommender Systems (RecSys &apos;18), pp. 451–454, 2018.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Lizenz.&lt;/b&gt; RnR Explorer ist freie Software unter der MIT-Lizenz. Es verwendet Qt 6 (LGPL v3), QCustomPlot 2.1 (GPL v3), Eigen 3.4 (MPL 2.0), oneTBB 2021 (Apache 2.0) und simdjson (Apache 2.0); da QCustomPlot unter der GPL steht, unterliegt das Programm in der als Binärdatei verbreiteten Form der GPL v3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zitierweise der Methode.&lt;/b&gt; G. Hadash, O. Sar Shalom und R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; Proceedings of the 12th ACM Conference on Recommender Systems (RecSys &apos;18), S. 451–454, 2018.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Runs waiting behind the one in training</source>
        <translation>Läufe, die nach dem laufenden Training warten</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %n</source>
        <translation>
            <numerusform>Warteschlange: %n</numerusform>
            <numerusform>Warteschlange: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (runs: %n)</source>
        <translation>
            <numerusform>%1 gespeichert (%n Lauf)</numerusform>
            <numerusform>%1 gespeichert (%n Läufe)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (runs: %n)</source>
        <translation>
            <numerusform>%1 geöffnet (%n Lauf)</numerusform>
            <numerusform>%1 geöffnet (%n Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Another session is being saved or opened.</source>
        <translation>Eine andere Sitzung wird gerade gespeichert oder geöffnet.</translation>
    </message>
    <message>
        <source>Saving %1...</source>
        <translation>%1 wird gespeichert...</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Experiment Panel</source>
        <translation>&amp;Experiment-Bereich</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1: epoch %2 of %3, %4k samples/s, about %5 left</source>
        <translation>%1: Epoche %2 von %3, %4k Samples/s, noch etwa %5</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Pausiert: %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Rows that could not be used and were skipped: %1.</source>
        <translation>Nicht verwendbare und übersprungene Zeilen: %1.</translation>
    </message>
    <message>
        <source>Repeated ratings of the same user and item merged into the latest one: %1.</source>
        <translation>Wiederholte Bewertungen desselben Nutzers und Items, zur jeweils letzten zusammengefasst: %1.</translation>
    </message>
    <message>
        <source>Repeated ratings merged while loading %1</source>
        <translation>Wiederholte Bewertungen beim Laden von %1 zusammengefasst</translation>
    </message>
    <message>
        <source>%1 The data set view shows the full load report.</source>
        <translation>%1 Die Datensatzansicht zeigt den vollständigen Ladebericht.</translation>
    </message>
    <message>
        <source>Writing %1...</source>
        <translation>Schreibe %1...</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>the embeddings of %1 to %2</source>
        <translation>die Embeddings von %1 nach %2</translation>
    </message>
    <message>
        <source>the top %1 of every user under %2 to %3</source>
        <translation>die Top %1 jedes Nutzers unter %2 nach %3</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Embeddings of the Shown Run...</source>
        <translation>&amp;Embeddings des angezeigten Laufs...</translation>
    </message>
    <message>
        <source>Export Embeddings</source>
        <translation>Embeddings exportieren</translation>
    </message>
    <message>
        <source>Train a model first: the Embeddings tab shows no run.</source>
        <translation>Bitte zuerst ein Modell trainieren: Der Tab „Embeddings“ zeigt keinen Lauf.</translation>
    </message>
    <message>
        <source>&amp;Recommendations of Every User...</source>
        <translation>&amp;Empfehlungen aller Nutzer...</translation>
    </message>
    <message>
        <source>Export Recommendations</source>
        <translation>Empfehlungen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Load &amp;Options...</source>
        <translation>Lade&amp;optionen...</translation>
    </message>
    <message>
        <source>Re&amp;name Run...</source>
        <translation>Lauf &amp;umbenennen...</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>%1 α=%2 λ=%3</source>
        <translation>%1 α=%2 λ=%3</translation>
    </message>
    <message>
        <source>&amp;Delete Run...</source>
        <translation>Lauf &amp;löschen...</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Run (Edit &gt; Undo brings it back):</source>
        <translation>Lauf (Bearbeiten &gt; Rückgängig holt ihn zurück):</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>%1: ratings %2, users %3, items %4</source>
        <translation>%1: Bewertungen %2, Nutzer %3, Items %4</translation>
    </message>
    <message>
        <source>RnR Explorer Guide</source>
        <translation>Anleitung zu RnR Explorer</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>Task &amp;interplay</source>
        <translation>Aufgaben&amp;zusammenspiel</translation>
    </message>
    <message>
        <source>Could not open the sweep</source>
        <translation>Die Versuchsreihe konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 holds a planned comparison whose runs have not been collected yet. When its jobs have run, collect them with:

rnr compare --collect %1</source>
        <translation>%1 enthält einen geplanten Vergleich, dessen Läufe noch nicht eingesammelt wurden. Wenn seine Jobs gelaufen sind, sammeln Sie sie ein mit:

rnr compare --collect %1</translation>
    </message>
</context>
<context>
    <name>rnr::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>Threads for training and evaluation. Training on every core keeps the window responsive: the engine runs at a lower priority.</source>
        <translation>Threads für Training und Evaluation. Auch beim Training auf allen Kernen bleibt das Fenster bedienbar: Die Engine läuft mit niedrigerer Priorität.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Training &amp;threads:</source>
        <translation>Trainings-&amp;Threads:</translation>
    </message>
    <message>
        <source>Default &amp;epochs:</source>
        <translation>Standard-&amp;Epochen:</translation>
    </message>
    <message>
        <source>A new language applies when RnR Explorer starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von RnR Explorer wirksam.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The colours of the window, the tables and the plots; applies at once.</source>
        <translation>Die Farben des Fensters, der Tabellen und der Diagramme; gilt sofort.</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
</context>
<context>
    <name>rnr::ResultsModel</name>
    <message>
        <source>Best in this column</source>
        <translation>Bester Wert dieser Spalte</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Recall@%1</source>
        <translation>Recall@%1</translation>
    </message>
    <message>
        <source>MRR@%1</source>
        <translation>MRR@%1</translation>
    </message>
    <message>
        <source>NDCG@%1</source>
        <translation>NDCG@%1</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>quadratischer Fehler</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;, paired by seed and held-out user:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gegen &lt;b&gt;%2&lt;/b&gt;, gepaart nach Seed und zurückgehaltenem Nutzer:</translation>
    </message>
    <message>
        <source>%1: no shared seed or held-out user: train both with the same split and seed.</source>
        <translation>%1: kein gemeinsamer Seed oder zurückgehaltener Nutzer: beide mit derselben Aufteilung und demselben Seed trainieren.</translation>
    </message>
    <message>
        <source>p &lt; 0.001</source>
        <translation>p &lt; 0.001</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>%1 is better</source>
        <translation>%1 ist besser</translation>
    </message>
    <message>
        <source>no significant difference</source>
        <translation>kein signifikanter Unterschied</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (difference %4%5 ± %6, %7; %8 pairs: %9 better for %10, %11 for %12, %13 ties) — &lt;b&gt;%14&lt;/b&gt;</source>
        <translation>%1: %2 → %3 (Differenz %4%5 ± %6, %7; %8 Paare: %9 besser für %10, %11 für %12, %13 unentschieden) — &lt;b&gt;%14&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 and %2 were trained on different data sets: a paired test needs the same held-out users.</source>
        <translation>%1 und %2 wurden auf verschiedenen Datensätzen trainiert: Ein gepaarter Test braucht dieselben zurückgehaltenen Nutzer.</translation>
    </message>
    <message>
        <source>PLE&apos;s MTL gain: this multi-task model minus its ranking model alone, on the same data set and seeds. Train the ranking model alone with the same seeds to see it.</source>
        <translation>MTL-Gewinn nach PLE: dieses Multi-Task-Modell minus sein Ranking-Modell allein, auf demselben Datensatz und denselben Seeds. Trainieren Sie das Ranking-Modell allein mit denselben Seeds, um ihn zu sehen.</translation>
    </message>
    <message>
        <source>MTL gain over %1 alone (paired by seed and held-out user):</source>
        <translation>MTL-Gewinn gegenüber %1 allein (gepaart nach Seed und zurückgehaltenem Nutzer):</translation>
    </message>
    <message>
        <source>%1: %2%3 (p = %4)</source>
        <translation>%1: %2%3 (p = %4)</translation>
    </message>
    <message>
        <source>MTL gain Recall@%1</source>
        <translation>MTL-Gewinn Recall@%1</translation>
    </message>
    <message>
        <source>%1%2 (p = %3)</source>
        <translation>%1%2 (p = %3)</translation>
    </message>
    <message>
        <source>Like@%1</source>
        <translation>Like@%1</translation>
    </message>
    <message>
        <source>Like AUC</source>
        <translation>Like-AUC</translation>
    </message>
    <message>
        <source>Like log loss</source>
        <translation>Gefallens-Log-Loss</translation>
    </message>
    <message>
        <source>%1 (α = 1: same as %2)</source>
        <translation>%1 (α = 1: gleich %2)</translation>
    </message>
    <message>
        <source>%1 (α = 1: rating task off)</source>
        <translation>%1 (α = 1: Bewertungsaufgabe aus)</translation>
    </message>
    <message>
        <source>%1 (α = 1 in %2 of %3 runs: same as %4)</source>
        <translation>%1 (α = 1 in %2 von %3 Läufen: gleich %4)</translation>
    </message>
    <message>
        <source>%1 (α = 1 in %2 of %3 runs: rating task off)</source>
        <translation>%1 (α = 1 in %2 von %3 Läufen: Bewertungsaufgabe aus)</translation>
    </message>
    <message>
        <source>%1%2 (p &lt; 0.001)</source>
        <translation>%1%2 (p &lt; 0.001)</translation>
    </message>
</context>
<context>
    <name>rnr::ResultsView</name>
    <message>
        <source>Test figures of each run&apos;s best validation epoch, mean ± std over runs; the best of each column in bold.</source>
        <translation>Testwerte der besten Validierungsepoche jedes Laufs, Mittelwert ± Standardabweichung über die Läufe; der beste Wert jeder Spalte ist fett.</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <source>Save as CSV, Markdown or LaTeX</source>
        <translation>Als CSV, Markdown oder LaTeX speichern</translation>
    </message>
    <message>
        <source>Select two rows (Ctrl+click) for a paired significance test: the runs are paired by seed and each test user&apos;s held-out item, and a sign-flip randomisation test gives the p-value.</source>
        <translation>Zwei Zeilen auswählen (Strg+Klick) für einen gepaarten Signifikanztest: Die Läufe werden nach Seed und dem zurückgehaltenen Item jedes Testnutzers gepaart, und ein Randomisierungstest mit Vorzeichenwechsel liefert den p-Wert.</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>rnr::RunController</name>
    <message>
        <source>%1 α=%2 λ=%3</source>
        <translation>%1 α=%2 λ=%3</translation>
    </message>
    <message>
        <source>%1 #%2 (seed %3)</source>
        <translation>%1 #%2 (Seed %3)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>rnr::RunPicker</name>
    <message>
        <source>R&amp;un:</source>
        <translation>La&amp;uf:</translation>
    </message>
    <message>
        <source>Which finished run this view shows</source>
        <translation>Welchen abgeschlossenen Lauf diese Ansicht zeigt</translation>
    </message>
</context>
<context>
    <name>rnr::StallBenchmark</name>
    <message>
        <source>nothing to train on</source>
        <translation>keine Trainingsdaten</translation>
    </message>
    <message>
        <source>training</source>
        <translation>des Trainings</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>des Ladens</translation>
    </message>
    <message>
        <source>the data set could not be loaded</source>
        <translation>der Datensatz konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>the data set could not be opened</source>
        <translation>der Datensatz konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>showing the results</source>
        <translation>der Anzeige der Ergebnisse</translation>
    </message>
    <message>
        <source>loading it took %1 s and is counted; </source>
        <translation>das Laden dauerte %1 s und zählt mit; </translation>
    </message>
    <message>
        <source>GUI-thread stalls while training RnR(BPR, SVD) for %1 epochs on %2 threads (%3: %4 users, %5 items, %6 ratings; %15training took %7 s; tabs switched every 300 ms):
  largest stall %8 ms (budget %9 ms), 99th percentile %10 ms, %11 of %12 heartbeats late by more than the budget; the largest began %13 s in, while %16, with the %14 tab in front</source>
        <translation>Blockaden des GUI-Threads beim Training von RnR(BPR, SVD) über %1 Epochen mit %2 Threads (%3: %4 Nutzer, %5 Items, %6 Bewertungen; %15Training dauerte %7 s; Tabwechsel alle 300 ms):
  längste Blockade %8 ms (Budget %9 ms), 99. Perzentil %10 ms, %11 von %12 Heartbeats um mehr als das Budget verspätet; die längste begann nach %13 s, während %16, mit dem Tab „%14“ im Vordergrund</translation>
    </message>
</context>
<context>
    <name>rnr::Tour</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>the default model cannot be compared with vanilla</source>
        <translation>das Standardmodell kann nicht mit Vanilla verglichen werden</translation>
    </message>
    <message>
        <source>wrote %1 screenshots to %2</source>
        <translation>%1 Screenshots nach %2 geschrieben</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>rnr::UserInspector</name>
    <message>
        <source>User id, as in the data set</source>
        <translation>Nutzer-ID wie im Datensatz</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Nutzer:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt; (held-out rating marked ★)</source>
        <translation>&lt;b&gt;Verlauf&lt;/b&gt; (zurückgehaltene Bewertung mit ★ markiert)</translation>
    </message>
    <message>
        <source>Train a model, then look up a user.</source>
        <translation>Nach dem Training eines Modells lässt sich hier ein Nutzer nachschlagen.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Recommended item</source>
        <translation>Empfohlenes Item</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>★ the user&apos;s held-out item; ≠ recommended by no other run shown</source>
        <translation>★ zurückgehaltenes Item des Nutzers; ≠ von keinem anderen angezeigten Lauf empfohlen</translation>
    </message>
    <message>
        <source>No trained run yet.</source>
        <translation>Noch kein trainierter Lauf.</translation>
    </message>
    <message>
        <source>No user &apos;%1&apos; in %2.</source>
        <translation>Kein Nutzer „%1“ in %2.</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;held-out item ranked %1 of %2</source>
        <translation>&lt;br&gt;zurückgehaltenes Item auf Rang %1 von %2</translation>
    </message>
    <message>
        <source>≠</source>
        <translation>≠</translation>
    </message>
    <message>
        <source>Type a user id to see their history and what each run recommends.</source>
        <translation>Eine Nutzer-ID eingeben, um den Verlauf und die Empfehlungen jedes Laufs zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt; in %1 (held-out rating marked ★)</source>
        <translation>&lt;b&gt;Verlauf&lt;/b&gt; in %1 (zurückgehaltene Bewertung mit ★ markiert)</translation>
    </message>
    <message>
        <source>Open a data set first.</source>
        <translation>Bitte zuerst einen Datensatz öffnen.</translation>
    </message>
    <message>
        <source>&lt;br&gt;trained on %1, not on the open data set: open that data set to see its recommendations</source>
        <translation>&lt;br&gt;trainiert auf %1, nicht auf dem geöffneten Datensatz: diesen Datensatz öffnen, um seine Empfehlungen zu sehen</translation>
    </message>
    <message>
        <source>&lt;br&gt;user &apos;%1&apos; was not trained on in this run</source>
        <translation>&lt;br&gt;Nutzer „%1“ wurde in diesem Lauf nicht trainiert</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3); no run on this data set yet.</source>
        <translation>Nutzer %1 von %2 (Bewertungen: %3); noch kein Lauf auf diesem Datensatz.</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3); the latest was held out for evaluation.</source>
        <translation>Nutzer %1 von %2 (Bewertungen: %3); die letzte wurde für die Evaluation zurückgehalten.</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3), none held out.</source>
        <translation>Nutzer %1 von %2 (Bewertungen: %3), keine zurückgehalten.</translation>
    </message>
    <message>
        <source>p(choose)</source>
        <translation>p(wählen)</translation>
    </message>
    <message>
        <source>p(like)</source>
        <translation>p(mögen)</translation>
    </message>
    <message>
        <source>p(choose): the choice head&apos;s sigma(s); p(like) = p(choose) · p(like | choose). ★ the user&apos;s held-out item; ≠ recommended by no other run shown</source>
        <translation>p(wählen): sigma(s) des Wahlkopfs; p(mögen) = p(wählen) · p(mögen | wählen). ★ das zurückgehaltene Item des Nutzers; ≠ von keinem anderen gezeigten Lauf empfohlen</translation>
    </message>
    <message>
        <source> (rated %1: a like, at or above %2)</source>
        <translation> (bewertet mit %1: gemocht, ab %2)</translation>
    </message>
    <message>
        <source> (rated %1: not a like, below %2)</source>
        <translation> (bewertet mit %1: nicht gemocht, unter %2)</translation>
    </message>
</context>
</TS>
