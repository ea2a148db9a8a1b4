<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CloseBenchmark</name>
    <message>
        <source>round %1: the child did not end: %2</source>
        <translation>第 %1 轮：子进程未结束：%2</translation>
    </message>
    <message>
        <source>round %1: the child did not close its window cleanly (exit code %2)</source>
        <translation>第 %1 轮：子进程未能正常关闭窗口（退出码 %2）</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 毫秒</translation>
    </message>
    <message>
        <source>round %1 (closed %2% into an epoch): %3</source>
        <translation>第 %1 轮（在一轮训练的 %2% 处关闭）：%3</translation>
    </message>
    <message>
        <source>after closing the window during training (rounds: %1, threads: %2):</source>
        <translation>训练期间关闭窗口之后（轮数：%1，线程：%2）：</translation>
    </message>
    <message>
        <source>  %1: median %2 ms, largest %3 ms</source>
        <translation>  %1：中位数 %2 毫秒，最大 %3 毫秒</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>%1: unknown format (use .png, .pdf or .svg)</source>
        <translation>%1：未知格式（请使用 .png、.pdf 或 .svg）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the plot could not be written (%2)</source>
        <translation>%1：无法写入图表（%2）</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Plot...</source>
        <translation>导出图表(&amp;E)...</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore multi-task recommender training: Rank and Rate.</source>
        <translation>探索多任务推荐模型训练：Rank and Rate。</translation>
    </message>
    <message>
        <source>A data set file or folder to open (default: the built-in demo data).</source>
        <translation>要打开的数据集文件或文件夹（默认：内置演示数据）。</translation>
    </message>
    <message>
        <source>Run a scripted session on the demo data and write a screenshot of every view to this folder, then quit.</source>
        <translation>在演示数据上运行脚本化会话，将每个视图的截图写入此文件夹，然后退出。</translation>
    </message>
    <message>
        <source>Benchmark: train RnR(BPR, SVD) on the data set given (default: generated, MovieLens-100K-sized) and report the largest GUI-thread stall, then quit.</source>
        <translation>基准测试：在给定的数据集（默认：生成的 MovieLens-100K 规模数据）上训练 RnR(BPR, SVD)，报告 GUI 线程的最长卡顿，然后退出。</translation>
    </message>
    <message>
        <source>Epochs for --measure-stalls (default 5).</source>
        <translation>--measure-stalls 的训练轮次（默认 5）。</translation>
    </message>
    <message>
        <source>Interface language, e.g. de or zh_CN (default: the preference or the system&apos;s).</source>
        <translation>界面语言，例如 de 或 zh_CN（默认：首选项中的设置或系统语言）。</translation>
    </message>
    <message>
        <source>Colour scheme: system, light or dark (default: the preference).</source>
        <translation>配色方案：system、light 或 dark（默认：首选项中的设置）。</translation>
    </message>
    <message>
        <source>--colours: &apos;%1&apos; is not system, light or dark</source>
        <translation>--colours：“%1”不是 system、light 或 dark</translation>
    </message>
    <message>
        <source>Rounds of --measure-close (default 5).</source>
        <translation>--measure-close 的轮数（默认 5）。</translation>
    </message>
    <message>
        <source>Training threads for --measure-stalls and --measure-close (default 1).</source>
        <translation>--measure-stalls 和 --measure-close 的训练线程数（默认 1）。</translation>
    </message>
    <message>
        <source>Benchmark: close the window during training on the data set given (default: the demo data), again and again (a child process each time), and report how long the process outlives it.</source>
        <translation>基准测试：在给定数据集（默认：演示数据）上训练期间反复关闭窗口（每次一个子进程），并报告进程在窗口关闭后还存在多久。</translation>
    </message>
</context>
<context>
    <name>rnr::Balance</name>
    <message>
        <source>Fixed weights</source>
        <translation>固定权重</translation>
    </message>
    <message>
        <source>The ranking loss weighs α and the rating loss 1 - α, as in the paper; the grid searches α.</source>
        <translation>排序损失权重为 α，评分损失为 1 - α，与论文相同；网格搜索 α。</translation>
    </message>
    <message>
        <source>Uncertainty weighting</source>
        <translation>不确定性加权</translation>
    </message>
    <message>
        <source>Each task&apos;s loss weighs exp(-s_t), with a learnt log-variance s_t added to the objective (Kendall et al., CVPR 2018); α is not used.</source>
        <translation>每个任务的损失权重为 exp(-s_t)，学习得到的对数方差 s_t 加入目标函数（Kendall 等，CVPR 2018）；不使用 α。</translation>
    </message>
    <message>
        <source>GradNorm</source>
        <translation>GradNorm</translation>
    </message>
    <message>
        <source>Learnt task weights that pull the tasks&apos; gradient norms on the shared embeddings towards their mean, the slower task more (asymmetry a; Chen et al., ICML 2018); α is not used.</source>
        <translation>学习得到的任务权重，使各任务在共享嵌入上的梯度范数趋向其均值，学得较慢的任务拉得更多（不对称参数 a；Chen 等，ICML 2018）；不使用 α。</translation>
    </message>
    <message>
        <source>Dynamic weight average</source>
        <translation>动态权重平均</translation>
    </message>
    <message>
        <source>Each epoch&apos;s weights from the ratio of each task&apos;s last two epoch losses, softened by a temperature (Liu et al., CVPR 2019); α is not used.</source>
        <translation>每个轮次的权重取自各任务最近两个轮次损失之比，并由温度平滑（Liu 等，CVPR 2019）；不使用 α。</translation>
    </message>
    <message>
        <source>PCGrad</source>
        <translation>PCGrad</translation>
    </message>
    <message>
        <source>Where the weighted tasks&apos; gradients on the shared parameters conflict, each is projected onto the normal plane of the other (Yu et al., NeurIPS 2020); the grid searches α.</source>
        <translation>当加权后的任务梯度在共享参数上冲突时，将每个梯度投影到另一个的法平面上（Yu 等，NeurIPS 2020）；网格搜索 α。</translation>
    </message>
</context>
<context>
    <name>rnr::Coupling</name>
    <message>
        <source>Vanilla multi-task</source>
        <translation>普通多任务</translation>
    </message>
    <message>
        <source>Hard sharing: the rating task uses the very same p_u and q_i as the ranking task.</source>
        <translation>硬共享：评分任务使用与排序任务完全相同的 p_u 和 q_i。</translation>
    </message>
    <message>
        <source>Rank and Rate (RnR)</source>
        <translation>Rank and Rate (RnR)</translation>
    </message>
    <message>
        <source>The rating task sees g(W p_u + c) and g(W (q_i + q^d_i) + c): a learnt post-consumption deviation q^d_i and a tied FC layer (Hadash et al., RecSys 2018).</source>
        <translation>评分任务看到 g(W p_u + c) 和 g(W (q_i + q^d_i) + c)：一个学习到的消费后偏差 q^d_i 和一个绑定的全连接层（Hadash 等，RecSys 2018）。</translation>
    </message>
    <message>
        <source>RnR without the FC layer</source>
        <translation>无全连接层的 RnR</translation>
    </message>
    <message>
        <source>Ablation of RnR: the rating task sees p_u and q_i + q^d_i (the deviation alone, no tied layer).</source>
        <translation>RnR 的消融：评分任务看到 p_u 和 q_i + q^d_i（只有偏差，没有绑定层）。</translation>
    </message>
    <message>
        <source>RnR without the deviation</source>
        <translation>无偏差的 RnR</translation>
    </message>
    <message>
        <source>Ablation of RnR: the rating task sees g(W p_u + c) and g(W q_i + c) (the tied layer alone, no deviation).</source>
        <translation>RnR 的消融：评分任务看到 g(W p_u + c) 和 g(W q_i + c)（只有绑定层，没有偏差）。</translation>
    </message>
    <message>
        <source>Multi-gate mixture of experts (MMoE)</source>
        <translation>多门控专家混合（MMoE）</translation>
    </message>
    <message>
        <source>Both tasks read a gated mixture of shared experts g(W_k v + c_k), one softmax gate per task, for users and items alike (Ma et al., KDD 2018).</source>
        <translation>两个任务都读取共享专家 g(W_k v + c_k) 的门控混合，每个任务一个 softmax 门，用户和物品相同（Ma 等，KDD 2018）。</translation>
    </message>
    <message>
        <source>Progressive layered extraction (PLE)</source>
        <translation>渐进式分层提取（PLE）</translation>
    </message>
    <message>
        <source>Shared experts and experts of each task&apos;s own, a gate per task over its own and the shared ones (one CGC level; Tang et al., RecSys 2020).</source>
        <translation>共享专家和每个任务自己的专家，每个任务的门覆盖其自己的和共享的专家（一层 CGC；Tang 等，RecSys 2020）。</translation>
    </message>
    <message>
        <source>Cross-stitch</source>
        <translation>十字绣（Cross-stitch）</translation>
    </message>
    <message>
        <source>Soft sharing: each task has its own user and item vectors, and each reads a learnt linear mix of both tasks&apos; (a 2 x 2 unit per side; Misra et al., CVPR 2016).</source>
        <translation>软共享：每个任务有自己的用户和物品向量，并读取两个任务向量的学习线性组合（每侧一个 2 x 2 单元；Misra 等，CVPR 2016）。</translation>
    </message>
    <message>
        <source>Choose, then like (ESMM)</source>
        <translation>先选择，后喜欢（ESMM）</translation>
    </message>
    <message>
        <source>A cascade: p(like) = p(choose) · p(like | choose), the choice head R and a like tower on the shared vectors, trained on rated and sampled unrated items alike (Ma et al., SIGIR 2018). No rating component.</source>
        <translation>级联：p(喜欢) = p(选择) · p(喜欢 | 选择)，选择头 R 与喜欢塔都建立在共享向量上，同时在已评分物品和抽样的未评分物品上训练（Ma 等，SIGIR 2018）。没有评分组件。</translation>
    </message>
    <message>
        <source>Choose, then like, with a pairwise loss</source>
        <translation>先选择，后喜欢，带成对损失</translation>
    </message>
    <message>
        <source>ESMM&apos;s cascade plus hinge terms that put each liked item above a chosen-but-not-liked and a not-chosen item of the same user, by margins (Durmus et al., 2024). No rating component.</source>
        <translation>ESMM 的级联加上合页项：按间隔把每个喜欢的物品排在同一用户一个已选择但不喜欢的物品和一个未选择的物品之上（Durmus 等，2024）。没有评分组件。</translation>
    </message>
</context>
<context>
    <name>rnr::CsvMappingDialog</name>
    <message>
        <source>Map the Columns of %1</source>
        <translation>映射 %1 的列</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <source>The first line names the columns</source>
        <translation>第一行为列名</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>物品：</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>评分：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Without a rating column every row counts as rating 1 (implicit feedback).</source>
        <translation>若没有评分列，每一行都按评分 1 计（隐式反馈）。</translation>
    </message>
    <message>
        <source>Without a time column the order of the rows is taken as time.</source>
        <translation>若没有时间列，则以行的顺序作为时间。</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>（请选择一列）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Choose the column that holds the user.</source>
        <translation>请选择包含用户的列。</translation>
    </message>
    <message>
        <source>Choose the column that holds the item.</source>
        <translation>请选择包含物品的列。</translation>
    </message>
    <message>
        <source>The %1 and the %2 cannot be the same column.</source>
        <translation>%1和%2不能是同一列。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Rows shown: %n</source>
        <translation>
            <numerusform>显示 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
</context>
<context>
    <name>rnr::DatasetView</name>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>用户数：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>物品数：</translation>
    </message>
    <message>
        <source>Ratings:</source>
        <translation>评分数：</translation>
    </message>
    <message>
        <source>Density:</source>
        <translation>密度：</translation>
    </message>
    <message>
        <source>Rating scale:</source>
        <translation>评分范围：</translation>
    </message>
    <message>
        <source>Mean rating:</source>
        <translation>平均评分：</translation>
    </message>
    <message>
        <source>Ratings per user:</source>
        <translation>每用户评分数：</translation>
    </message>
    <message>
        <source>Ratings per item:</source>
        <translation>每物品评分数：</translation>
    </message>
    <message>
        <source>Time span:</source>
        <translation>时间跨度：</translation>
    </message>
    <message>
        <source>Titles and genres:</source>
        <translation>标题与类型：</translation>
    </message>
    <message>
        <source>Training uses:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <source>Rating histogram</source>
        <translation>评分直方图</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Activity (log-log)</source>
        <translation>活跃度（双对数）</translation>
    </message>
    <message>
        <source>Users or items with that many</source>
        <translation>具有该评分数的用户或物品数</translation>
    </message>
    <message>
        <source>How many users (items) have each number of ratings: a straight falling line is the long tail typical of ratings data.</source>
        <translation>拥有各个评分数的用户（物品）数量：一条下降的直线即评分数据中典型的长尾分布。</translation>
    </message>
    <message>
        <source>Load report</source>
        <translation>加载报告</translation>
    </message>
    <message>
        <source>min %1, median %2, mean %3, max %4</source>
        <translation>最小 %1，中位数 %2，均值 %3，最大 %4</translation>
    </message>
    <message>
        <source>%1 (std %2)</source>
        <translation>%1（标准差 %2）</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>no timestamps: row order is used as time</source>
        <translation>无时间戳：以行顺序作为时间</translation>
    </message>
    <message>
        <source>Generated in memory: nothing was read or skipped.</source>
        <translation>在内存中生成：没有读取或跳过任何内容。</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>%1–%2 in steps of %3</source>
        <translation>%1–%2，步长 %3</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>titled: %1 of %2; genres: %3</source>
        <translation>有标题：%1 / %2；类型：%3</translation>
    </message>
    <message>
        <source>Users with at least 4 ratings: %1 (ratings: %2, items: %3). Held out for evaluation: the latest rating of each validation user (%4) and test user (%5), seed %6; everything else trains.</source>
        <translation>至少有 4 条评分的用户：%1（评分：%2，物品：%3）。留出用于评估：每个验证用户（%4）和测试用户（%5）的最新一条评分，种子 %6；其余全部用于训练。</translation>
    </message>
    <message>
        <source>Likes:</source>
        <translation>喜欢：</translation>
    </message>
    <message>
        <source>rating ≥ %1: %2 % of the ratings</source>
        <translation>评分 ≥ %1：占全部评分的 %2 %</translation>
    </message>
    <message>
        <source>Choose, then like: a rated item was chosen, a rating at or above the like threshold is a like. Shown here at the threshold&apos;s default (auto): three quarters of the scale&apos;s range, rounded up to its step. Unrated items are taken as not chosen: an assumption, since the data has no log of what users were shown.</source>
        <translation>先选择，后喜欢：被评分的物品即被选择，评分达到或高于喜欢阈值即为喜欢。此处按阈值的默认值（自动）显示：评分范围的四分之三处，向上取整到评分步长。未评分的物品视为未被选择：这是一个假设，因为数据中没有用户看到过哪些物品的记录。</translation>
    </message>
    <message>
        <source>Users who rated several items at their last timestamp: %1, only trained on.</source>
        <translation>在最后一个时间戳评分了多个物品的用户：%1，仅用于训练。</translation>
    </message>
    <message>
        <source>Users who rated several items at their last timestamp: %1; the tie rule picks their held-out rating.</source>
        <translation>在最后一个时间戳评分了多个物品的用户：%1；由并列规则选出其留出的评分。</translation>
    </message>
</context>
<context>
    <name>rnr::DeviationView</name>
    <message>
        <source>Distribution of ‖q^d_i‖</source>
        <translation>‖q^d_i‖ 的分布</translation>
    </message>
    <message>
        <source>‖q^d_i‖ against popularity</source>
        <translation>‖q^d_i‖ 与流行度</translation>
    </message>
    <message>
        <source>‖q^d_i‖ against mean rating</source>
        <translation>‖q^d_i‖ 与平均评分</translation>
    </message>
    <message>
        <source>q_i → q_i + q^d_i (PCA of q)</source>
        <translation>q_i → q_i + q^d_i（q 的 PCA）</translation>
    </message>
    <message>
        <source>Learnt against true
(demo data)</source>
        <translation>学得值与真实值
（演示数据）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>‖q^d_i‖</source>
        <translation>‖q^d_i‖</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <source>Train an RnR model to see what its deviation matrix learnt.</source>
        <translation>训练一个 RnR 模型，以查看其偏差矩阵学到了什么。</translation>
    </message>
    <message>
        <source>%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i before the tied FC layer (rating).</source>
        <translation>%1：偏差矩阵在权重共享的 FC 层（评分）之前，将每个物品从 q_i（排序）移动到 q_i + q^d_i。</translation>
    </message>
    <message>
        <source> On the demo data the learnt ‖q^d_i‖ correlates with the planted deviation: Spearman %1, Pearson %2.</source>
        <translation>在演示数据上，学得的 ‖q^d_i‖ 与预设偏差的相关性：Spearman %1，Pearson %2。</translation>
    </message>
    <message>
        <source>Training ratings (log)</source>
        <translation>训练评分数（对数）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>PC 1 of q</source>
        <translation>q 的主成分 1</translation>
    </message>
    <message>
        <source>PC 2 of q</source>
        <translation>q 的主成分 2</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>选中项</translation>
    </message>
    <message>
        <source>True ‖e_i‖</source>
        <translation>真实 ‖e_i‖</translation>
    </message>
    <message>
        <source>%1 learns no deviation: only RnR and its deviation-only ablation learn a post-consumption deviation q^d_i.</source>
        <translation>%1 不学习偏差：只有 RnR 及其仅偏差消融会学习消费后偏差 q^d_i。</translation>
    </message>
    <message>
        <source>%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i, which the rating task uses as it is (no FC layer).</source>
        <translation>%1：偏差矩阵将每个物品从 q_i（排序）移到 q_i + q^d_i，评分任务直接使用它（没有全连接层）。</translation>
    </message>
    <message>
        <source>%1: summarising the deviation of every item...</source>
        <translation>%1：正在汇总每个物品的偏差……</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>rnr::EmbeddingView</name>
    <message>
        <source>Show &amp;users</source>
        <translation>显示用户(&amp;U)</translation>
    </message>
    <message>
        <source>Draw every user vector p_u (grey) in the same projection as the items: a user scores items by the dot product p_u · q_i.</source>
        <translation>在与物品相同的投影中绘制每个用户向量 p_u（灰色）：用户通过点积 p_u · q_i 为物品打分。</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>流行度</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>着色依据：</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>Train a model to see its item vectors.</source>
        <translation>训练一个模型，以查看其物品向量。</translation>
    </message>
    <message>
        <source>%1 has no item vectors.</source>
        <translation>%1 没有物品向量。</translation>
    </message>
    <message>
        <source>%1 has no rating task: no post-consumption space.</source>
        <translation>%1 没有评分任务：不存在消费后空间。</translation>
    </message>
    <message>
        <source>other / none</source>
        <translation>其他 / 无</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>选中项</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Ratings (log scale)</source>
        <translation>评分数（对数刻度）</translation>
    </message>
    <message>
        <source>no ratings</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <translation>PCA：线性视图，立即显示，并包含用户向量。t-SNE（Barnes-Hut）和 UMAP：保持邻域关系的非线性映射，覆盖所有物品，在后台计算（种子 1：每次得到相同的图）。</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>投影(&amp;P)：</translation>
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
        <translation>%1 — 原始物品向量 q_i（排序任务使用）</translation>
    </message>
    <message>
        <source>Post-FC item vectors g(W(q_i + q^d_i) + c) (what the rating task uses)</source>
        <translation>经过 FC 层的物品向量 g(W(q_i + q^d_i) + c)（评分任务使用）</translation>
    </message>
    <message>
        <source>Item vectors the rating task uses (the same as the raw ones: no FC layer)</source>
        <translation>评分任务使用的物品向量（与原始向量相同：没有 FC 层）</translation>
    </message>
    <message>
        <source>%1; PCA explains %2% + %3%</source>
        <translation>%1；PCA 解释 %2% + %3%</translation>
    </message>
    <message>
        <source>%1 cancelled: choose it again to start over.</source>
        <translation>%1 已取消：再次选择即可重新开始。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1; %2 of every item (%3)</source>
        <translation>%1；全部物品（%3）的 %2</translation>
    </message>
    <message>
        <source>%1; computing %2 of every item (%3)...</source>
        <translation>%1；正在计算全部物品（%3）的 %2...</translation>
    </message>
    <message>
        <source>Item vectors q_i + q^d_i (what the rating task uses: the deviation alone, no FC layer)</source>
        <translation>物品向量 q_i + q^d_i（评分任务所用：只有偏差，没有全连接层）</translation>
    </message>
    <message>
        <source>Post-FC item vectors g(W q_i + c) (what the rating task uses: the FC layer alone, no deviation)</source>
        <translation>经全连接层后的物品向量 g(W q_i + c)（评分任务所用：只有全连接层，没有偏差）</translation>
    </message>
    <message>
        <source>%1 — item vectors the ranking task reads (its gated mixture of experts)</source>
        <translation>%1 — 排序任务读取的物品向量（其专家门控混合）</translation>
    </message>
    <message>
        <source>Item vectors the rating task reads (its gated mixture of experts)</source>
        <translation>评分任务读取的物品向量（其专家门控混合）</translation>
    </message>
    <message>
        <source>%1 — item vectors the ranking task reads (its cross-stitch mix of both tasks&apos; vectors)</source>
        <translation>%1 — 排序任务读取的物品向量（两个任务向量的十字绣混合）</translation>
    </message>
    <message>
        <source>Item vectors the rating task reads (its cross-stitch mix of both tasks&apos; vectors)</source>
        <translation>评分任务读取的物品向量（两个任务向量的十字绣混合）</translation>
    </message>
    <message>
        <source>Like-tower item vectors g(W_L q_j + c_L) (what the like head reads after the choice)</source>
        <translation>喜欢塔的物品向量 g(W_L q_j + c_L)（喜欢头在选择之后读取的向量）</translation>
    </message>
    <message>
        <source>%1: reading the item vectors...</source>
        <translation>%1：正在读取物品向量……</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>rnr::ExperimentPanel</name>
    <message>
        <source>Search the α × λ &amp;grid</source>
        <translation>搜索 α × λ 网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Compare with &amp;vanilla</source>
        <translation>与普通多任务对比(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>流行度</translation>
    </message>
    <message>
        <source>The ranking task R: which items a user chooses (implicit feedback).</source>
        <translation>排序任务 R：用户会选择哪些物品（隐式反馈）。</translation>
    </message>
    <message>
        <source>The rating task P: how a user rates an item after consuming it.</source>
        <translation>评分任务 P：用户在消费物品后会给出怎样的评分。</translation>
    </message>
    <message>
        <source>Single task</source>
        <translation>单任务</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>&amp;Ranking:</source>
        <translation>排序(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;ating:</source>
        <translation>评分(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Users whose latest rating is held out (half validation, half test); 0 = all.</source>
        <translation>留出最新一条评分的用户数（一半用于验证，一半用于测试）；0 = 全部。</translation>
    </message>
    <message>
        <source>Seed of the split and of the model&apos;s initialisation.</source>
        <translation>数据划分和模型初始化所用的种子。</translation>
    </message>
    <message>
        <source>Held-out &amp;users:</source>
        <translation>留出用户(&amp;U)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Runs per model with seeds seed, seed + 1, ...: the results table shows mean ± std over them and the paired test pairs them by seed.</source>
        <translation>每个模型的运行次数，种子依次为 seed、seed + 1、...：结果表显示这些运行的均值 ± 标准差，配对检验按种子将它们配对。</translation>
    </message>
    <message>
        <source>See&amp;ds:</source>
        <translation>种子数(&amp;D)：</translation>
    </message>
    <message>
        <source>Train every point of the paper&apos;s grid (α ∈ {%1}, λ ∈ {%2}; λ only for single-task models) and keep the one with the best validation Recall@k.</source>
        <translation>训练论文网格中的每个点（α ∈ {%1}，λ ∈ {%2}；λ 仅用于单任务模型），并保留验证集 Recall@k 最佳的那个。</translation>
    </message>
    <message>
        <source>Hyper-parameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Train the selected model on the engine thread.</source>
        <translation>在引擎线程上训练所选模型。</translation>
    </message>
    <message>
        <source>Queue the selected RnR model and its vanilla twin on the same data, split and seed.</source>
        <translation>将所选 RnR 模型及其对应的普通多任务模型加入队列，使用相同的数据、划分和种子。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>A single-task model has either a ranking or a rating algorithm: choose None for the other, or a multi-task mode.</source>
        <translation>单任务模型只能有排序算法或评分算法之一：请将另一项设为“无”，或选择多任务模式。</translation>
    </message>
    <message>
        <source>Choose a ranking or a rating algorithm.</source>
        <translation>请选择排序算法或评分算法。</translation>
    </message>
    <message>
        <source>Multi-task modes need a learnt ranking algorithm (BPR, CDAE, WRMF) and a rating algorithm.</source>
        <translation>多任务模式需要一个可学习的排序算法（BPR、CDAE、WRMF）和一个评分算法。</translation>
    </message>
    <message>
        <source>How the two tasks share the user and item vectors (each entry&apos;s tooltip says what the rating task sees).</source>
        <translation>两个任务如何共享用户和物品向量（每个条目的提示说明评分任务看到什么）。</translation>
    </message>
    <message>
        <source>Choose-then-like cascades need a learnt ranking algorithm (BPR, CDAE, WRMF) as their choice head; they have no rating algorithm.</source>
        <translation>先选择后喜欢的级联需要一个可学习的排序算法（BPR、CDAE、WRMF）作为选择头；它们没有评分算法。</translation>
    </message>
    <message>
        <source>Choose-then-like cascades have a like head instead of a rating algorithm.</source>
        <translation>先选择后喜欢的级联用喜欢头代替评分算法。</translation>
    </message>
    <message>
        <source>Larger item id</source>
        <translation>较大的物品 ID</translation>
    </message>
    <message>
        <source>Later row of the file</source>
        <translation>文件中靠后的行</translation>
    </message>
    <message>
        <source>Random (by the seed)</source>
        <translation>随机（按种子）</translation>
    </message>
    <message>
        <source>Drop such users from held-out</source>
        <translation>不留出此类用户</translation>
    </message>
    <message>
        <source>The larger item id (by value when ids are numbers): independent of the row order.</source>
        <translation>较大的物品 ID（ID 为数字时按数值）：与行顺序无关。</translation>
    </message>
    <message>
        <source>The later row of the file: reordering the file changes the split.</source>
        <translation>文件中靠后的行：重新排列文件会改变划分。</translation>
    </message>
    <message>
        <source>One of the tied items, drawn with the split&apos;s seed: independent of the row order.</source>
        <translation>用划分的种子从并列物品中抽取一个：与行顺序无关。</translation>
    </message>
    <message>
        <source>Users whose last timestamp is shared by several ratings are only trained on.</source>
        <translation>最后一个时间戳上有多条评分的用户仅用于训练。</translation>
    </message>
    <message>
        <source>Which rating is held out when a user rated several items in the same second as their last rating (in MovieLens 100K, 415 of 943 users).</source>
        <translation>当用户在其最后一次评分的同一秒内评分了多个物品时留出哪一条评分（在 MovieLens 100K 中，943 个用户中有 415 个）。</translation>
    </message>
    <message>
        <source>&amp;Ties:</source>
        <translation>并列(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>rnr::GuideView</name>
    <message>
        <source>Guide to RnR Explorer</source>
        <translation>RnR Explorer 使用指南</translation>
    </message>
    <message>
        <source>RnR Explorer trains a ranking model and a rating model together on shared user and item embeddings and shows what the sharing does. In &lt;i&gt;Rank and Rate&lt;/i&gt; (RnR) the rating task sees each item through a learnt post-consumption deviation and a tied non-linear layer; vanilla multi-task learning shares the embeddings as they are. This guide walks through a first session on the built-in demo data. Each link does what it names: it brings a tab to the front or starts the action.</source>
        <translation>RnR Explorer 在共享的用户和物品嵌入上同时训练一个排序模型和一个评分模型，并展示共享带来的影响。在 &lt;i&gt;Rank and Rate&lt;/i&gt;（RnR）中，评分任务通过一个学习到的消费后偏差和一个绑定的非线性层来看待每个物品；普通多任务学习则直接共享嵌入。本指南以内置演示数据带您完成第一次会话。每个链接都执行它所写的操作：切换到相应的标签页，或启动相应的操作。</translation>
    </message>
    <message>
        <source>A first session</source>
        <translation>第一次会话</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data.&lt;/b&gt; The app starts on the built-in demo data (%1 generates it again): users and items whose ratings come from a choose-then-rate process with a planted per-item deviation, so that you can see whether a model finds it. The %2 tab shows the counts, the rating histogram, the activity of users and items, and what training uses.</source>
        <translation>&lt;b&gt;数据。&lt;/b&gt;程序启动时加载内置演示数据（%1 可重新生成）：其中用户和物品的评分来自“先选择、后评分”的过程，并为每个物品植入了偏差，因此您可以看到模型是否能找到它。%2 标签页显示各项计数、评分直方图、用户和物品的活跃度，以及训练所用的数据。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train.&lt;/b&gt; In the %1 panel, choose a ranking model, a rating model and how they are coupled (RnR by default), then %2. Training runs on a background engine thread; the status bar shows the epoch, the samples per second and the time left, and %3 and %4 act at once. %5 trains the same model as RnR and as vanilla multi-task learning on the same data, split and seed. Seeds trains each model several times (mean ± standard deviation), and the α × λ grid search keeps the best validation point.</source>
        <translation>&lt;b&gt;训练。&lt;/b&gt;在%1面板中选择排序模型、评分模型及其耦合方式（默认为 RnR），然后点击 %2。训练在后台引擎线程中运行；状态栏显示当前轮次、每秒样本数和剩余时间，%3 和 %4 立即生效。%5 在相同的数据、划分和种子上分别以 RnR 和普通多任务学习训练同一模型。“种子数”让每个模型训练多次（均值 ± 标准差），α × λ 网格搜索保留最佳验证点。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch.&lt;/b&gt; The %1 tab draws live curves of every run: the total, ranking, rating and regularisation loss of each batch (with adjustable smoothing, markers at the epoch means) and the validation Recall@k, MRR@k, NDCG@k and RMSE. Click a legend entry to hide a run; the wheel zooms, dragging pans, and the context menu resets the zoom or exports the plot as PNG, PDF or SVG.</source>
        <translation>&lt;b&gt;观察。&lt;/b&gt;%1 标签页实时绘制每次运行的曲线：每个批次的总损失、排序损失、评分损失和正则化损失（平滑程度可调，并在各轮均值处标记），以及验证集上的 Recall@k、MRR@k、NDCG@k 和 RMSE。点击图例条目可隐藏一次运行；滚轮缩放，拖动平移，右键菜单可重置缩放或将图导出为 PNG、PDF 或 SVG。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare.&lt;/b&gt; The %1 tab is the paper&apos;s Table 1: the test figures at each model&apos;s best validation epoch, mean ± standard deviation over seeds, the best of each column in bold, exported as CSV, Markdown or LaTeX. Select two rows and the panel below runs the paired sign-flip test over the held-out users: which model wins, by how much, and how sure that is.</source>
        <translation>&lt;b&gt;比较。&lt;/b&gt;%1 标签页即论文的表 1：各模型在最佳验证轮次的测试指标，多个种子的均值 ± 标准差，每列最佳值加粗，可导出为 CSV、Markdown 或 LaTeX。选中两行后，下方面板会在留出用户上进行配对符号翻转检验：哪个模型更好、好多少，以及结论有多可靠。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Look inside.&lt;/b&gt; The %1 tab puts the item vectors the ranking task uses beside those the rating task uses (after RnR&apos;s deviation and tied layer), projected by PCA, t-SNE or UMAP (the last two computed in the background, with Cancel) and coloured by genre, popularity or mean rating. Hover for titles; click an item, or find it by title, to select it in every view. The %2 tab shows what an RnR run&apos;s deviation learnt: its size against popularity and mean rating, the items that deviate most and, on the demo data, the learnt against the planted deviation.</source>
        <translation>&lt;b&gt;深入查看。&lt;/b&gt;%1 标签页将排序任务使用的物品向量与评分任务使用的物品向量（经过 RnR 的偏差和绑定层之后）并排显示，可用 PCA、t-SNE 或 UMAP 投影（后两者在后台计算，可取消），并按类型、流行度或平均评分着色。悬停可查看标题；点击物品或按标题查找，即可在所有视图中选中它。%2 标签页显示 RnR 运行学到的偏差：其大小与流行度和平均评分的关系、偏差最大的物品，以及在演示数据上学到的偏差与植入偏差的对比。</translation>
    </message>
    <message>
        <source>&lt;b&gt;One user.&lt;/b&gt; In the %1 tab, type a user id: their history (the held-out rating marked ★), the top 10 of the latest runs side by side with predicted ratings, the held-out item&apos;s rank under each run, and the items only one run recommends (≠).</source>
        <translation>&lt;b&gt;单个用户。&lt;/b&gt;在%1标签页中输入用户 ID：可看到其历史记录（留出的评分以 ★ 标记）、最近几次运行并排的前 10 推荐及预测评分、留出物品在每次运行中的排名，以及只有一次运行推荐的物品（≠）。</translation>
    </message>
    <message>
        <source>Your own data</source>
        <translation>您自己的数据</translation>
    </message>
    <message>
        <source>%1 and %2 open MovieLens (100K, 1M, 10M, latest), Yelp reviews or any CSV or TSV file; dropping a file or folder on the window does the same. A generic file first asks which columns hold the user, the item, the rating and the time. Loading runs in the background and can be cancelled. A row that cannot be read is skipped and counted, or stops the load with its file, line and cause, as %3 sets; a failed load keeps the data set you had.</source>
        <translation>%1 和 %2 可打开 MovieLens（100K、1M、10M、latest）、Yelp 评论或任意 CSV/TSV 文件；将文件或文件夹拖到窗口上效果相同。对于通用文件，会先询问哪些列是用户、物品、评分和时间。加载在后台进行，可以取消。无法读取的行会被跳过并计数，或者按 %3 的设置以文件、行号和原因终止加载；加载失败时保留原有数据集。</translation>
    </message>
    <message>
        <source>MovieLens 100K makes a good first real data set: download ml-100k.zip from grouplens.org, unzip it, open the ml-100k folder, set Seeds to 3 and %1. With 20 epochs the six runs take well under a minute on two cores; then select both rows of the results for the paired test.</source>
        <translation>MovieLens 100K 是很好的第一个真实数据集：从 grouplens.org 下载 ml-100k.zip，解压后打开 ml-100k 文件夹，将“种子数”设为 3，然后 %1。训练 20 轮时，六次运行在两个核心上用时远少于一分钟；之后选中结果中的两行进行配对检验。</translation>
    </message>
    <message>
        <source>Keeping and sharing results</source>
        <translation>保存和分享结果</translation>
    </message>
    <message>
        <source>%1 writes the data set, the settings and every finished run (curves, results and trained models) to one file, and %2 brings it all back. %3 and %4 write the shown run&apos;s embeddings for the TensorBoard projector and NumPy, and every user&apos;s top k as CSV; the command-line program rnr does the same without a window. %5 shows what the engine did: the files read, each run&apos;s start and result, and warnings.</source>
        <translation>%1 将数据集、设置和每次已完成的运行（曲线、结果和训练好的模型）写入一个文件，%2 可将其全部恢复。%3 和 %4 将当前运行的嵌入导出为 TensorBoard 投影器和 NumPy 格式，并将每个用户的前 k 推荐导出为 CSV；命令行程序 rnr 无需窗口即可完成相同操作。%5 显示引擎做了什么：读取的文件、每次运行的开始和结果，以及警告。</translation>
    </message>
    <message>
        <source>%1 renames a run everywhere it is shown; %2 takes a finished run out with its curves, results and model, and %3 brings it back. %4 sets the language, the colours, the training threads and the default epochs.</source>
        <translation>%1 在所有显示之处重命名一次运行；%2 删除一次已完成的运行及其曲线、结果和模型，%3 可将其恢复。%4 设置界面语言、颜色、训练线程数和默认轮数。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>The method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>G. Hadash, O. Sar Shalom and R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; RecSys 2018. %1 lists the licences.</source>
        <translation>G. Hadash、O. Sar Shalom 和 R. Osadchy。&lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; RecSys 2018。%1 列出了许可证。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ask why.&lt;/b&gt; The %1 tab shows, for every multi-task run and epoch, how the two tasks&apos; gradients on the user and item vectors they share relate: their cosine, the share of rows where they point apart, their sizes and the task weights in force (which the loss balancing methods change). For MMoE and PLE runs it shows how each task&apos;s gate weighs the experts. The paper&apos;s hypothesis, that RnR takes the conflict off the shared item vectors, is tested here: compare an RnR run with a vanilla one.</source>
        <translation>&lt;b&gt;追问原因。&lt;/b&gt;%1 标签页为每个多任务运行的每个轮次显示两个任务在共享的用户和物品向量上的梯度关系：它们的余弦、方向相反的行所占比例、梯度大小以及当前的任务权重（损失平衡方法会改变这些权重）。对于 MMoE 和 PLE 运行，它显示每个任务的门控如何为各专家加权。论文的假设——RnR 消除了共享物品向量上的冲突——在这里检验：将一个 RnR 运行与一个普通多任务运行进行比较。</translation>
    </message>
</context>
<context>
    <name>rnr::HyperParams</name>
    <message>
        <source>Embedding size d</source>
        <translation>嵌入维度 d</translation>
    </message>
    <message>
        <source>Length of the user and item vectors shared by both tasks.</source>
        <translation>两个任务共享的用户向量和物品向量的长度。</translation>
    </message>
    <message>
        <source>Task weight α</source>
        <translation>任务权重 α</translation>
    </message>
    <message>
        <source>Weight of the ranking loss; the rating loss gets 1 - α. 1 trains ranking only.</source>
        <translation>排序损失的权重；评分损失的权重为 1 - α。取 1 时仅训练排序任务。</translation>
    </message>
    <message>
        <source>Regularisation λ</source>
        <translation>正则化 λ</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>adam (default), adagrad (the paper&apos;s, with a larger rate than its 0.001) or plain sgd.</source>
        <translation>adam（默认）、adagrad（论文所用，但学习率大于论文中的 0.001）或普通 sgd。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size of the optimiser.</source>
        <translation>优化器的步长。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Passes over the training data.</source>
        <translation>遍历训练数据的次数。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Rating tuples per minibatch (one optimiser step each).</source>
        <translation>每个小批次包含的评分元组数（每个小批次执行一步优化）。</translation>
    </message>
    <message>
        <source>Activation g</source>
        <translation>激活函数 g</translation>
    </message>
    <message>
        <source>BPR negatives</source>
        <translation>BPR 负样本数</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for BPR.</source>
        <translation>BPR 中每个正样本采样的负样本物品数。</translation>
    </message>
    <message>
        <source>CDAE negatives</source>
        <translation>CDAE 负样本数</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for CDAE.</source>
        <translation>CDAE 中每个正样本采样的负样本物品数。</translation>
    </message>
    <message>
        <source>CDAE dropout ρ</source>
        <translation>CDAE 丢弃率 ρ</translation>
    </message>
    <message>
        <source>Share of a user&apos;s input items dropped (survivors scaled by 1/(1-ρ)).</source>
        <translation>用户输入物品中被丢弃的比例（保留的物品按 1/(1-ρ) 缩放）。</translation>
    </message>
    <message>
        <source>WRMF negatives</source>
        <translation>WRMF 负样本数</translation>
    </message>
    <message>
        <source>Sampled negative items per positive for WRMF.</source>
        <translation>WRMF 中每个正样本采样的负样本物品数。</translation>
    </message>
    <message>
        <source>WRMF confidence a</source>
        <translation>WRMF 置信度 a</translation>
    </message>
    <message>
        <source>Confidence of a positive is 1 + a * rating in WRMF&apos;s weighted squared loss.</source>
        <translation>在 WRMF 的加权平方损失中，正样本的置信度为 1 + a * 评分。</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Worker threads for training and evaluation.</source>
        <translation>用于训练和评估的工作线程数。</translation>
    </message>
    <message>
        <source>Model seed</source>
        <translation>模型种子</translation>
    </message>
    <message>
        <source>Seed of the initialisation and of negative sampling.</source>
        <translation>初始化和负采样所用的种子。</translation>
    </message>
    <message>
        <source>Validation users</source>
        <translation>验证用户数</translation>
    </message>
    <message>
        <source>Validate each epoch on at most this many users (0: all), for big data sets.</source>
        <translation>每轮最多在这么多用户上进行验证（0：全部），适用于大型数据集。</translation>
    </message>
    <message>
        <source>L2 penalty on the embeddings, the deviations, the FC layer and the experts, applied to the rows each minibatch touches.</source>
        <translation>对嵌入、偏差、全连接层和专家的 L2 惩罚，作用于每个小批量涉及的行。</translation>
    </message>
    <message>
        <source>Non-linearity of RnR&apos;s tied FC layer and of the experts&apos; layers; identity is an ablation, not RnR.</source>
        <translation>RnR 绑定全连接层和专家层的非线性；identity 是消融，不是 RnR。</translation>
    </message>
    <message>
        <source>Shared experts</source>
        <translation>共享专家数</translation>
    </message>
    <message>
        <source>MMoE and PLE: experts (FC layer + activation g, d x d each) that both tasks&apos; gates mix.</source>
        <translation>MMoE 和 PLE：两个任务的门所混合的专家（全连接层 + 激活 g，每个 d x d）。</translation>
    </message>
    <message>
        <source>Task experts</source>
        <translation>任务专家数</translation>
    </message>
    <message>
        <source>PLE: experts of each task&apos;s own, beside the shared ones.</source>
        <translation>PLE：除共享专家外每个任务自己的专家。</translation>
    </message>
    <message>
        <source>Loss balancing</source>
        <translation>损失平衡</translation>
    </message>
    <message>
        <source>How a multi-task model weighs its ranking and rating losses; single-task models ignore it.</source>
        <translation>多任务模型如何加权其排序损失和评分损失；单任务模型忽略此项。</translation>
    </message>
    <message>
        <source>GradNorm asymmetry a</source>
        <translation>GradNorm 不对称参数 a</translation>
    </message>
    <message>
        <source>GradNorm: how much harder the task that learns more slowly is pulled; 0 equalises the gradient norms alone.</source>
        <translation>GradNorm：学得较慢的任务被拉得更强多少；0 只使梯度范数相等。</translation>
    </message>
    <message>
        <source>DWA temperature T</source>
        <translation>DWA 温度 T</translation>
    </message>
    <message>
        <source>DWA: softens the weights; large values give both tasks the same weight.</source>
        <translation>DWA：平滑权重；较大的值使两个任务权重相同。</translation>
    </message>
    <message>
        <source>Extraction levels</source>
        <translation>提取层数</translation>
    </message>
    <message>
        <source>PLE: 1 is one CGC level; 2 adds a shared gate over every first-level expert and a second level of experts that reads the first level&apos;s outputs.</source>
        <translation>PLE：1 为一层 CGC；2 增加一个覆盖第一层全部专家的共享门控，以及读取第一层输出的第二层专家。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Like threshold</source>
        <translation>喜欢阈值</translation>
    </message>
    <message>
        <source>A rating at or above it counts as a like; auto: the rating at three quarters of the scale&apos;s range, rounded up to its step (4 on 1-5 and on 0.5-5).</source>
        <translation>评分达到或高于此值即算作喜欢；自动：取评分范围四分之三处的评分，并向上取整到评分步长（1–5 与 0.5–5 上均为 4）。</translation>
    </message>
    <message>
        <source>Cut-off of Recall@k, MRR@k, NDCG@k and of the like ranking&apos;s Like@k.</source>
        <translation>Recall@k、MRR@k、NDCG@k 以及喜欢排序的 Like@k 的截断值 k。</translation>
    </message>
    <message>
        <source>Like negatives</source>
        <translation>喜欢负样本</translation>
    </message>
    <message>
        <source>ESMM and pairwise: sampled unrated items (not chosen, so not liked) per rated item in the like task&apos;s loss.</source>
        <translation>ESMM 与成对：喜欢任务的损失中，每个已评分物品抽样的未评分物品数（未选择，因此不喜欢）。</translation>
    </message>
    <message>
        <source>Pairwise weight w</source>
        <translation>成对权重 w</translation>
    </message>
    <message>
        <source>Pairwise cascade: weight of the hinge terms beside the cross-entropy.</source>
        <translation>成对级联：合页项相对交叉熵的权重。</translation>
    </message>
    <message>
        <source>Margin m₁</source>
        <translation>间隔 m₁</translation>
    </message>
    <message>
        <source>Pairwise cascade: how far a liked item&apos;s score should lie above a chosen-but-not-liked item&apos;s of the same user.</source>
        <translation>成对级联：喜欢物品的分数应比同一用户已选择但不喜欢物品的分数高出多少。</translation>
    </message>
    <message>
        <source>Margin m₂</source>
        <translation>间隔 m₂</translation>
    </message>
    <message>
        <source>Pairwise cascade: how far a liked item&apos;s score should lie above a not-chosen (unrated, sampled) item&apos;s.</source>
        <translation>成对级联：喜欢物品的分数应比未选择（未评分、抽样）物品的分数高出多少。</translation>
    </message>
    <message>
        <source>Pairwise heads</source>
        <translation>成对作用的头</translation>
    </message>
    <message>
        <source>Pairwise cascade: like puts the hinge terms on the like score log p(like); both also on the choice head&apos;s score.</source>
        <translation>成对级联：like 把合页项作用于喜欢分数 log p(喜欢)；both 还作用于选择头的分数。</translation>
    </message>
</context>
<context>
    <name>rnr::InterplayPlot</name>
    <message>
        <source>Cosine of the task gradients on item vectors</source>
        <translation>物品向量上任务梯度的余弦</translation>
    </message>
    <message>
        <source>Cosine of the task gradients on user vectors</source>
        <translation>用户向量上任务梯度的余弦</translation>
    </message>
    <message>
        <source>Share of shared rows in conflict</source>
        <translation>冲突的共享行比例</translation>
    </message>
    <message>
        <source>Share of batches in conflict</source>
        <translation>冲突的批次比例</translation>
    </message>
    <message>
        <source>Ranking gradient norm</source>
        <translation>排序梯度范数</translation>
    </message>
    <message>
        <source>Rating gradient norm</source>
        <translation>评分梯度范数</translation>
    </message>
    <message>
        <source>Ranking task weight</source>
        <translation>排序任务权重</translation>
    </message>
    <message>
        <source>Rating task weight</source>
        <translation>评分任务权重</translation>
    </message>
    <message>
        <source>Measured on 16 batches of every epoch, before their step: each task&apos;s own gradient on the user and item vectors both tasks share. A cosine below 0, or a row whose two gradients point apart, is a conflict.</source>
        <translation>在每个轮次的 16 个批次上、在其更新步之前测量：每个任务自身在两个任务共享的用户和物品向量上的梯度。余弦小于 0，或一行的两个梯度方向相反，即为冲突。</translation>
    </message>
    <message>
        <source>The paper&apos;s hypothesis: RnR&apos;s deviation and tied layer take the conflict off the shared item vectors that vanilla sharing suffers — a higher cosine on item vectors and fewer rows in conflict than vanilla, on the same data and seeds. Single-task runs have no curve here.</source>
        <translation>论文的假设：RnR 的偏差和绑定层消除了普通共享在共享物品向量上遭受的冲突——在相同数据和种子下，物品向量上的余弦高于普通多任务，冲突的行更少。单任务运行在此没有曲线。</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Mean gate weight</source>
        <translation>平均门控权重</translation>
    </message>
    <message>
        <source>Ranking task</source>
        <translation>排序任务</translation>
    </message>
    <message>
        <source>Rating task</source>
        <translation>评分任务</translation>
    </message>
    <message>
        <source>The run whose gates are shown: its last epoch&apos;s mean weight of each expert in each task&apos;s gate (MMoE and PLE runs only). For PLE, each task&apos;s own expert has no weight in the other task&apos;s gate.</source>
        <translation>显示其门控的运行：其最后一个轮次中每个专家在每个任务门控中的平均权重（仅 MMoE 和 PLE 运行）。对于 PLE，每个任务自己的专家在另一个任务的门控中没有权重。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Gates of:</source>
        <translation>门控来自：</translation>
    </message>
    <message>
        <source>(no run with experts yet)</source>
        <translation>（尚无带专家的运行）</translation>
    </message>
    <message>
        <source>rating&apos;s own</source>
        <translation>评分专属</translation>
    </message>
    <message>
        <source>ranking&apos;s own</source>
        <translation>排序专属</translation>
    </message>
    <message>
        <source>shared %1</source>
        <translation>共享 %1</translation>
    </message>
</context>
<context>
    <name>rnr::ItemSearch</name>
    <message>
        <source>Find an item by title</source>
        <translation>按标题查找物品</translation>
    </message>
</context>
<context>
    <name>rnr::LoadOptionsDialog</name>
    <message>
        <source>Malformed rows:</source>
        <translation>格式错误的行：</translation>
    </message>
    <message>
        <source>A missing user, item or rating:</source>
        <translation>缺少用户、物品或评分：</translation>
    </message>
    <message>
        <source>A rating or time that is not a number:</source>
        <translation>评分或时间不是数字：</translation>
    </message>
    <message>
        <source>A rating outside the scale:</source>
        <translation>评分超出刻度：</translation>
    </message>
    <message>
        <source>A repeated rating (else the latest is kept):</source>
        <translation>重复评分（否则保留最新一条）：</translation>
    </message>
    <message>
        <source>&amp;Override the format&apos;s rating scale</source>
        <translation>覆盖格式自带的评分刻度(&amp;O)</translation>
    </message>
    <message>
        <source>Load Options</source>
        <translation>加载选项</translation>
    </message>
    <message>
        <source>0: any value between the ends</source>
        <translation>0：两端之间的任意值</translation>
    </message>
    <message>
        <source>Ratings outside this scale (or off its steps) are out-of-scale rows; without an override each format&apos;s own scale is used (e.g. 0.5 to 5 in half stars for MovieLens ratings.csv).</source>
        <translation>超出此刻度（或不在其步长上）的评分视为超出刻度的行；不覆盖时使用各格式自带的刻度（例如 MovieLens ratings.csv 的 0.5 到 5，步长半星）。</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>评分刻度</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>无法使用的行</translation>
    </message>
    <message>
        <source>Skip and count</source>
        <translation>跳过并计数</translation>
    </message>
    <message>
        <source>Stop with the file and line</source>
        <translation>停止并给出文件和行号</translation>
    </message>
    <message>
        <source>These apply to every data set opened from now on, as rnr&apos;s --scale and --on-problem do.</source>
        <translation>这些设置适用于此后打开的每个数据集，与 rnr 的 --scale 和 --on-problem 相同。</translation>
    </message>
</context>
<context>
    <name>rnr::LogPanel</name>
    <message>
        <source>Messages of the engine appear here: files read and written, runs started and finished, warnings.</source>
        <translation>引擎的消息显示在这里：读取和写入的文件、开始和结束的运行、警告。</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
</context>
<context>
    <name>rnr::LossPlot</name>
    <message>
        <source>Per-&amp;batch curves</source>
        <translation>逐批次曲线(&amp;B)</translation>
    </message>
    <message>
        <source>Thin lines: the training losses within each epoch, reported every few milliseconds; the markers are the epoch means.</source>
        <translation>细线：每轮内的训练损失，每隔几毫秒报告一次；标记点为每轮的均值。</translation>
    </message>
    <message>
        <source>Exponential moving average of the per-batch curves: the weight of the past (0 = raw values).</source>
        <translation>逐批次曲线的指数移动平均：历史值所占的权重（0 = 原始值）。</translation>
    </message>
    <message>
        <source>Total loss</source>
        <translation>总损失</translation>
    </message>
    <message>
        <source>Ranking loss</source>
        <translation>排序损失</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Validation Recall@k</source>
        <translation>验证集 Recall@k</translation>
    </message>
    <message>
        <source>Validation MRR@k</source>
        <translation>验证集 MRR@k</translation>
    </message>
    <message>
        <source>Validation NDCG@k</source>
        <translation>验证集 NDCG@k</translation>
    </message>
    <message>
        <source>Validation RMSE</source>
        <translation>验证集 RMSE</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <source>Rating or like loss</source>
        <translation>评分或喜欢损失</translation>
    </message>
</context>
<context>
    <name>rnr::MainWindow</name>
    <message>
        <source>&amp;Data set</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Embeddings</source>
        <translation>嵌入(&amp;E)</translation>
    </message>
    <message>
        <source>De&amp;viations</source>
        <translation>偏差(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Training in progress</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is still training. Stop it and quit?</source>
        <translation>仍有模型正在训练。要停止训练并退出吗？</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Data Set File...</source>
        <translation>打开数据集文件(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a ratings file (MovieLens, Yelp, CSV)</source>
        <translation>打开评分文件（MovieLens、Yelp、CSV）</translation>
    </message>
    <message>
        <source>Open Data Set &amp;Folder...</source>
        <translation>打开数据集文件夹(&amp;F)...</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>加载演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>Generate the built-in demo data with a planted post-consumption deviation</source>
        <translation>生成内置演示数据，其中预设了消费后偏差</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion...</source>
        <translation>打开会话(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Save Session As...</source>
        <translation>会话另存为(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Train the selected model (Ctrl+R)</source>
        <translation>训练所选模型（Ctrl+R）</translation>
    </message>
    <message>
        <source>Compare with &amp;Vanilla</source>
        <translation>与普通多任务对比(&amp;V)</translation>
    </message>
    <message>
        <source>Train the selected model as RnR and as vanilla multi-task, same split and seed</source>
        <translation>分别以 RnR 和普通多任务方式训练所选模型，使用相同的划分和种子</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top All</source>
        <translation>全部停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the running model and drop the queued ones</source>
        <translation>停止正在运行的模型，并丢弃队列中的模型</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RnR Explorer</source>
        <translation>关于 RnR Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <source>%1 finished: test Recall@%2 %3, MRR@%2 %4</source>
        <translation>%1 已完成：测试集 Recall@%2 %3，MRR@%2 %4</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing to train on</source>
        <translation>没有可训练的数据</translation>
    </message>
    <message>
        <source>No user of this data set has at least 4 ratings.</source>
        <translation>此数据集中没有任何用户拥有至少 4 条评分。</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>请选择模型</translation>
    </message>
    <message>
        <source>Could not open the data set</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>%1

The data set shown before is still loaded.</source>
        <translation>%1

之前显示的数据集仍保持加载。</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>正在读取 %1...</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>正在加载 %1...</translation>
    </message>
    <message>
        <source>Rows skipped while loading %1</source>
        <translation>加载 %1 时跳过的行</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Loading %1 cancelled; the data set shown before is still loaded.</source>
        <translation>已取消加载 %1；之前显示的数据集仍保持加载。</translation>
    </message>
    <message>
        <source>Selected %1</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent data sets</source>
        <translation>没有最近的数据集</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Open Data Set File</source>
        <translation>打开数据集文件</translation>
    </message>
    <message>
        <source>Ratings files (*.data *.dat *.csv *.tsv *.txt *.json);;All files (*)</source>
        <translation>评分文件 (*.data *.dat *.csv *.tsv *.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Data Set Folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Stop the training before opening a session: it replaces the runs shown.</source>
        <translation>打开会话前请先停止训练：打开会话会替换当前显示的运行。</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>%1

Nothing was changed.</source>
        <translation>%1

未做任何更改。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>RnR Explorer sessions (*.rnrsession)</source>
        <translation>RnR Explorer 会话 (*.rnrsession)</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>RnR Explorer sessions (*.rnrsession);;All files (*)</source>
        <translation>RnR Explorer 会话 (*.rnrsession);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About RnR Explorer</source>
        <translation>关于 RnR Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RnR Explorer %1&lt;/h3&gt;&lt;p&gt;Explore multi-task recommender training: a ranking and a rating model trained together on shared user and item embeddings, compared with vanilla multi-task learning, the Rank and Rate way.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RnR Explorer %1&lt;/h3&gt;&lt;p&gt;探索多任务推荐模型训练：排序模型与评分模型在共享的用户嵌入和物品嵌入上联合训练，并以 Rank and Rate 的方式与普通多任务学习进行对比。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licence.&lt;/b&gt; RnR Explorer is free software under the MIT licence. It uses Qt 6 (LGPL v3), QCustomPlot 2.1 (GPL v3), Eigen 3.4 (MPL 2.0), oneTBB 2021 (Apache 2.0) and simdjson (Apache 2.0); because QCustomPlot is under the GPL, the program as distributed in binary form is covered by the GPL v3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;How to cite the method.&lt;/b&gt; G. Hadash, O. Sar Shalom and R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; Proceedings of the 12th ACM Conference on Recommender Systems (RecSys &apos;18), pp. 451–454, 2018.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;许可证：&lt;/b&gt;RnR Explorer 是采用 MIT 许可证的自由软件。它使用了 Qt 6（LGPL v3）、QCustomPlot 2.1（GPL v3）、Eigen 3.4（MPL 2.0）、oneTBB 2021（Apache 2.0）和 simdjson（Apache 2.0）；由于 QCustomPlot 采用 GPL 许可证，以二进制形式分发的本程序受 GPL v3 约束。&lt;/p&gt;&lt;p&gt;&lt;b&gt;如何引用本方法：&lt;/b&gt;G. Hadash, O. Sar Shalom and R. Osadchy. &lt;i&gt;Rank and Rate: Multi-task Learning for Recommender Systems.&lt;/i&gt; Proceedings of the 12th ACM Conference on Recommender Systems (RecSys &apos;18), pp. 451–454, 2018.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Runs waiting behind the one in training</source>
        <translation>排在当前训练之后等待的运行</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %n</source>
        <translation>
            <numerusform>排队中：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (runs: %n)</source>
        <translation>
            <numerusform>已保存 %1（%n 个运行）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (runs: %n)</source>
        <translation>
            <numerusform>已打开 %1（%n 个运行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Another session is being saved or opened.</source>
        <translation>另一个会话正在保存或打开。</translation>
    </message>
    <message>
        <source>Saving %1...</source>
        <translation>正在保存 %1...</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Experiment Panel</source>
        <translation>实验面板(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1: epoch %2 of %3, %4k samples/s, about %5 left</source>
        <translation>%1：第 %2/%3 轮，%4k 样本/秒，剩余约 %5</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Rows that could not be used and were skipped: %1.</source>
        <translation>无法使用并已跳过的行：%1。</translation>
    </message>
    <message>
        <source>Repeated ratings of the same user and item merged into the latest one: %1.</source>
        <translation>同一用户对同一物品的重复评分已合并为最新一条：%1。</translation>
    </message>
    <message>
        <source>Repeated ratings merged while loading %1</source>
        <translation>加载 %1 时合并了重复评分</translation>
    </message>
    <message>
        <source>%1 The data set view shows the full load report.</source>
        <translation>%1 数据集视图显示完整的加载报告。</translation>
    </message>
    <message>
        <source>Writing %1...</source>
        <translation>正在写入%1...</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>the embeddings of %1 to %2</source>
        <translation>%1 的嵌入到 %2</translation>
    </message>
    <message>
        <source>the top %1 of every user under %2 to %3</source>
        <translation>%2 下每个用户的前 %1 项到 %3</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Embeddings of the Shown Run...</source>
        <translation>当前显示运行的嵌入(&amp;E)...</translation>
    </message>
    <message>
        <source>Export Embeddings</source>
        <translation>导出嵌入</translation>
    </message>
    <message>
        <source>Train a model first: the Embeddings tab shows no run.</source>
        <translation>请先训练模型：“嵌入”标签页没有显示任何运行。</translation>
    </message>
    <message>
        <source>&amp;Recommendations of Every User...</source>
        <translation>所有用户的推荐(&amp;R)...</translation>
    </message>
    <message>
        <source>Export Recommendations</source>
        <translation>导出推荐</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Load &amp;Options...</source>
        <translation>加载选项(&amp;O)...</translation>
    </message>
    <message>
        <source>Re&amp;name Run...</source>
        <translation>重命名运行(&amp;N)...</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>%1 α=%2 λ=%3</source>
        <translation>%1 α=%2 λ=%3</translation>
    </message>
    <message>
        <source>&amp;Delete Run...</source>
        <translation>删除运行(&amp;D)...</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Run (Edit &gt; Undo brings it back):</source>
        <translation>运行（编辑 &gt; 撤销可恢复）：</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>%1: ratings %2, users %3, items %4</source>
        <translation>%1：评分 %2，用户 %3，物品 %4</translation>
    </message>
    <message>
        <source>RnR Explorer Guide</source>
        <translation>RnR Explorer 使用指南</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>Task &amp;interplay</source>
        <translation>任务交互(&amp;I)</translation>
    </message>
    <message>
        <source>Could not open the sweep</source>
        <translation>无法打开该参数扫描</translation>
    </message>
    <message>
        <source>%1 holds a planned comparison whose runs have not been collected yet. When its jobs have run, collect them with:

rnr compare --collect %1</source>
        <translation>%1 包含一个尚未汇总运行结果的计划比较。其作业运行完毕后，请用以下命令汇总：

rnr compare --collect %1</translation>
    </message>
</context>
<context>
    <name>rnr::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>Threads for training and evaluation. Training on every core keeps the window responsive: the engine runs at a lower priority.</source>
        <translation>用于训练和评估的线程数。即使使用全部核心进行训练，窗口仍能保持响应：引擎以较低优先级运行。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Training &amp;threads:</source>
        <translation>训练线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>Default &amp;epochs:</source>
        <translation>默认轮次(&amp;E)：</translation>
    </message>
    <message>
        <source>A new language applies when RnR Explorer starts again.</source>
        <translation>新的语言将在 RnR Explorer 重新启动后生效。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The colours of the window, the tables and the plots; applies at once.</source>
        <translation>窗口、表格和图表的颜色；立即生效。</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>rnr::ResultsModel</name>
    <message>
        <source>Best in this column</source>
        <translation>本列最佳</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
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
        <translation>平方误差</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;, paired by seed and held-out user:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 对比 &lt;b&gt;%2&lt;/b&gt;，按种子和留出用户配对：</translation>
    </message>
    <message>
        <source>%1: no shared seed or held-out user: train both with the same split and seed.</source>
        <translation>%1：没有共同的种子或留出用户：请使用相同的划分和种子训练两者。</translation>
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
        <translation>%1 更好</translation>
    </message>
    <message>
        <source>no significant difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (difference %4%5 ± %6, %7; %8 pairs: %9 better for %10, %11 for %12, %13 ties) — &lt;b&gt;%14&lt;/b&gt;</source>
        <translation>%1：%2 → %3（差值 %4%5 ± %6，%7；%8 对：%9 在 %10 对中更好，%11 在 %12 对中更好，%13 对持平）— &lt;b&gt;%14&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 and %2 were trained on different data sets: a paired test needs the same held-out users.</source>
        <translation>%1 与 %2 在不同的数据集上训练：配对检验需要相同的留出用户。</translation>
    </message>
    <message>
        <source>PLE&apos;s MTL gain: this multi-task model minus its ranking model alone, on the same data set and seeds. Train the ranking model alone with the same seeds to see it.</source>
        <translation>PLE 的多任务增益：此多任务模型减去其单独的排序模型，使用相同的数据集和种子。用相同的种子单独训练排序模型即可看到它。</translation>
    </message>
    <message>
        <source>MTL gain over %1 alone (paired by seed and held-out user):</source>
        <translation>相对单独 %1 的多任务增益（按种子和留出用户配对）：</translation>
    </message>
    <message>
        <source>%1: %2%3 (p = %4)</source>
        <translation>%1：%2%3（p = %4）</translation>
    </message>
    <message>
        <source>MTL gain Recall@%1</source>
        <translation>多任务增益 Recall@%1</translation>
    </message>
    <message>
        <source>%1%2 (p = %3)</source>
        <translation>%1%2（p = %3）</translation>
    </message>
    <message>
        <source>Like@%1</source>
        <translation>喜欢@%1</translation>
    </message>
    <message>
        <source>Like AUC</source>
        <translation>喜欢 AUC</translation>
    </message>
    <message>
        <source>Like log loss</source>
        <translation>喜欢对数损失</translation>
    </message>
    <message>
        <source>%1 (α = 1: same as %2)</source>
        <translation>%1（α = 1：等同于 %2）</translation>
    </message>
    <message>
        <source>%1 (α = 1: rating task off)</source>
        <translation>%1（α = 1：评分任务关闭）</translation>
    </message>
    <message>
        <source>%1 (α = 1 in %2 of %3 runs: same as %4)</source>
        <translation>%1（%3 次运行中有 %2 次 α = 1：等同于 %4）</translation>
    </message>
    <message>
        <source>%1 (α = 1 in %2 of %3 runs: rating task off)</source>
        <translation>%1（%3 次运行中有 %2 次 α = 1：评分任务关闭）</translation>
    </message>
    <message>
        <source>%1%2 (p &lt; 0.001)</source>
        <translation>%1%2（p &lt; 0.001）</translation>
    </message>
</context>
<context>
    <name>rnr::ResultsView</name>
    <message>
        <source>Test figures of each run&apos;s best validation epoch, mean ± std over runs; the best of each column in bold.</source>
        <translation>各次运行在验证集最佳轮次上的测试集指标，取各次运行的均值 ± 标准差；每列最佳值以粗体显示。</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>复制为 Markdown(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>Save as CSV, Markdown or LaTeX</source>
        <translation>保存为 CSV、Markdown 或 LaTeX</translation>
    </message>
    <message>
        <source>Select two rows (Ctrl+click) for a paired significance test: the runs are paired by seed and each test user&apos;s held-out item, and a sign-flip randomisation test gives the p-value.</source>
        <translation>选择两行（Ctrl+单击）进行配对显著性检验：各次运行按种子和每个测试用户的留出物品配对，p 值由符号翻转随机化检验给出。</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
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
        <translation>%1 #%2（种子 %3）</translation>
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
        <translation>运行(&amp;U)：</translation>
    </message>
    <message>
        <source>Which finished run this view shows</source>
        <translation>此视图显示哪个已完成的运行</translation>
    </message>
</context>
<context>
    <name>rnr::StallBenchmark</name>
    <message>
        <source>nothing to train on</source>
        <translation>没有可训练的数据</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>the data set could not be loaded</source>
        <translation>无法加载数据集</translation>
    </message>
    <message>
        <source>the data set could not be opened</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>showing the results</source>
        <translation>显示结果</translation>
    </message>
    <message>
        <source>loading it took %1 s and is counted; </source>
        <translation>加载耗时 %1 秒并计入；</translation>
    </message>
    <message>
        <source>GUI-thread stalls while training RnR(BPR, SVD) for %1 epochs on %2 threads (%3: %4 users, %5 items, %6 ratings; %15training took %7 s; tabs switched every 300 ms):
  largest stall %8 ms (budget %9 ms), 99th percentile %10 ms, %11 of %12 heartbeats late by more than the budget; the largest began %13 s in, while %16, with the %14 tab in front</source>
        <translation>在 %2 个线程上训练 RnR(BPR, SVD) %1 轮期间的 GUI 线程卡顿（%3：%4 个用户，%5 个物品，%6 条评分；%15训练耗时 %7 秒；每 300 毫秒切换一次标签页）：
  最长卡顿 %8 毫秒（预算 %9 毫秒），第 99 百分位数 %10 毫秒，%12 次心跳中有 %11 次延迟超出预算；最长卡顿始于第 %13 秒，处于%16阶段，当时前台为“%14”标签页</translation>
    </message>
</context>
<context>
    <name>rnr::Tour</name>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>the default model cannot be compared with vanilla</source>
        <translation>默认模型无法与普通多任务模型进行对比</translation>
    </message>
    <message>
        <source>wrote %1 screenshots to %2</source>
        <translation>已将 %1 张截图写入 %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>rnr::UserInspector</name>
    <message>
        <source>User id, as in the data set</source>
        <translation>用户 ID（与数据集中一致）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt; (held-out rating marked ★)</source>
        <translation>&lt;b&gt;历史记录&lt;/b&gt;（留出的评分以 ★ 标记）</translation>
    </message>
    <message>
        <source>Train a model, then look up a user.</source>
        <translation>请先训练模型，然后查询用户。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Recommended item</source>
        <translation>推荐物品</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>★ the user&apos;s held-out item; ≠ recommended by no other run shown</source>
        <translation>★ 该用户的留出物品；≠ 其他已显示的运行均未推荐</translation>
    </message>
    <message>
        <source>No trained run yet.</source>
        <translation>尚无已训练的运行。</translation>
    </message>
    <message>
        <source>No user &apos;%1&apos; in %2.</source>
        <translation>%2 中没有用户“%1”。</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>&lt;br&gt;held-out item ranked %1 of %2</source>
        <translation>&lt;br&gt;留出物品在 %2 个物品中排第 %1 位</translation>
    </message>
    <message>
        <source>≠</source>
        <translation>≠</translation>
    </message>
    <message>
        <source>Type a user id to see their history and what each run recommends.</source>
        <translation>输入用户 ID，查看其历史以及每次运行的推荐。</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt; in %1 (held-out rating marked ★)</source>
        <translation>%1 中的&lt;b&gt;历史记录&lt;/b&gt;（留出的评分以 ★ 标记）</translation>
    </message>
    <message>
        <source>Open a data set first.</source>
        <translation>请先打开一个数据集。</translation>
    </message>
    <message>
        <source>&lt;br&gt;trained on %1, not on the open data set: open that data set to see its recommendations</source>
        <translation>&lt;br&gt;在 %1 上训练，而不是在当前打开的数据集上：请打开该数据集以查看其推荐</translation>
    </message>
    <message>
        <source>&lt;br&gt;user &apos;%1&apos; was not trained on in this run</source>
        <translation>&lt;br&gt;此运行未对用户“%1”进行训练</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3); no run on this data set yet.</source>
        <translation>%2 的用户 %1（评分数：%3）；此数据集上尚无运行。</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3); the latest was held out for evaluation.</source>
        <translation>%2 的用户 %1（评分数：%3）；最新一条已留出用于评估。</translation>
    </message>
    <message>
        <source>User %1 of %2 (ratings: %3), none held out.</source>
        <translation>%2 的用户 %1（评分数：%3），没有留出的评分。</translation>
    </message>
    <message>
        <source>p(choose)</source>
        <translation>p(选择)</translation>
    </message>
    <message>
        <source>p(like)</source>
        <translation>p(喜欢)</translation>
    </message>
    <message>
        <source>p(choose): the choice head&apos;s sigma(s); p(like) = p(choose) · p(like | choose). ★ the user&apos;s held-out item; ≠ recommended by no other run shown</source>
        <translation>p(选择)：选择头的 sigma(s)；p(喜欢) = p(选择) · p(喜欢 | 选择)。★ 该用户的留出物品；≠ 没有其他所示运行推荐的物品</translation>
    </message>
    <message>
        <source> (rated %1: a like, at or above %2)</source>
        <translation>（评分 %1：喜欢，不低于 %2）</translation>
    </message>
    <message>
        <source> (rated %1: not a like, below %2)</source>
        <translation>（评分 %1：不喜欢，低于 %2）</translation>
    </message>
</context>
</TS>
