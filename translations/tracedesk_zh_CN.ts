<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>配置需要一个名称。</translation>
    </message>
    <message>
        <source>The base URL must be a full address such as https://apm.example.com.</source>
        <translation>基础 URL 必须是完整地址，例如 https://apm.example.com。</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (or http:// for a local test server).</source>
        <translation>基础 URL 必须以 https:// 开头（本地测试服务器可用 http://）。</translation>
    </message>
    <message>
        <source>The project id is missing.</source>
        <translation>缺少项目 ID。</translation>
    </message>
    <message>
        <source>The token header name is missing (usually X-Auth-Token).</source>
        <translation>缺少令牌请求头名称（通常为 X-Auth-Token）。</translation>
    </message>
    <message>
        <source>The timeout must be at least one second.</source>
        <translation>超时时间至少为 1 秒。</translation>
    </message>
    <message>
        <source>The size limit must be between 1 and %1 MiB.</source>
        <translation>大小上限必须在 1 到 %1 MiB 之间。</translation>
    </message>
    <message>
        <source>The header name for the secret is missing or not a valid HTTP header name.</source>
        <translation>缺少携带凭据的请求头名称，或者该名称不是有效的 HTTP 请求头名称。</translation>
    </message>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation>Basic 认证需要用户名。</translation>
    </message>
</context>
<context>
    <name>td</name>
    <message>
        <source>Write FILE (or the fetched trace) as a picture or summary for an incident report and exit: OUT.png, OUT.svg, OUT.pdf or OUT.md (Markdown, with OUT.png beside it). No display needed. Secrets are redacted.</source>
        <translation>将 FILE（或获取到的调用链）写成用于故障报告的图片或摘要后退出：OUT.png、OUT.svg、OUT.pdf 或 OUT.md（Markdown，旁边附 OUT.png）。无需显示器。敏感信息会被脱敏。</translation>
    </message>
    <message>
        <source>With --export: &apos;all&apos; (every span, default) or &apos;visible&apos; (zoomed to the --details span as the window&apos;s Z does).</source>
        <translation>与 --export 一起使用：&apos;all&apos;（全部 Span，默认）或 &apos;visible&apos;（像窗口中按 Z 一样缩放到 --details 指定的 Span）。</translation>
    </message>
    <message>
        <source>With --export: add the details of the span with this id below the timeline.</source>
        <translation>与 --export 一起使用：在时间线下方附上该 ID 对应 Span 的详情。</translation>
    </message>
    <message>
        <source>With --export: keep secrets (tokens, passwords, cookies, session ids) as they are.</source>
        <translation>与 --export 一起使用：保留敏感信息原样（令牌、密码、Cookie、会话 ID）。</translation>
    </message>
    <message>
        <source>--export needs a file name ending in .png, .svg, .pdf or .md</source>
        <translation>--export 需要以 .png、.svg、.pdf 或 .md 结尾的文件名</translation>
    </message>
    <message>
        <source>--width needs a number of pixels from %1 to %2</source>
        <translation>--width 需要 %1 到 %2 之间的像素数</translation>
    </message>
    <message>
        <source>--scope is &apos;all&apos; or &apos;visible&apos;</source>
        <translation>--scope 只能是 &apos;all&apos; 或 &apos;visible&apos;</translation>
    </message>
    <message>
        <source>--export needs exactly one FILE or --fetch ID</source>
        <translation>--export 需要恰好一个 FILE 或 --fetch ID</translation>
    </message>
    <message>
        <source>the command line takes the token from the TRACEDESK_TOKEN environment variable</source>
        <translation>命令行从环境变量 TRACEDESK_TOKEN 读取令牌</translation>
    </message>
    <message>
        <source>--details: there is no span with id &quot;%1&quot; in this trace</source>
        <translation>--details：此调用链中没有 ID 为“%1”的 Span</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1 rows are too many for one picture; export a PDF, collapse spans or choose the visible range</source>
        <translation>%1 行太多，无法放进一张图片；请导出 PDF、折叠部分 Span 或选择可见范围</translation>
    </message>
    <message>
        <source>not enough memory for a picture this large</source>
        <translation>内存不足，无法生成这么大的图片</translation>
    </message>
    <message>
        <source>there is no trace to export</source>
        <translation>没有可导出的调用链</translation>
    </message>
    <message>
        <source>Exported by TraceDesk</source>
        <translation>由 TraceDesk 导出</translation>
    </message>
    <message>
        <source>the PDF writer did not start</source>
        <translation>PDF 写入器未能启动</translation>
    </message>
    <message>
        <source>parse</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>skipped span</source>
        <translation>跳过的 Span</translation>
    </message>
    <message>
        <source>missing parent</source>
        <translation>缺失父 Span</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>重复 ID</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>outside parent</source>
        <translation>超出父 Span</translation>
    </message>
    <message>
        <source>no timestamp</source>
        <translation>无时间戳</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>已截断</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>API 错误</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace ID</translation>
    </message>
    <message>
        <source>(missing span %1)</source>
        <translation>（缺失的 Span %1）</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>根</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span 数</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>off: secrets in span data are shown as they are</source>
        <translation>关闭：Span 数据中的敏感信息按原样显示</translation>
    </message>
    <message>
        <source>1 value redacted</source>
        <translation>已脱敏 1 个值</translation>
    </message>
    <message>
        <source>%1 values redacted</source>
        <translation>已脱敏 %1 个值</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>错误（%1）</translation>
    </message>
    <message>
        <source>No span failed.</source>
        <translation>没有失败的 Span。</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <source>No slow-call warnings.</source>
        <translation>没有慢调用警告。</translation>
    </message>
    <message>
        <source>Usual</source>
        <translation>平常</translation>
    </message>
    <message>
        <source>Most self time</source>
        <translation>自身耗时最多</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>% of trace</source>
        <translation>占调用链 %</translation>
    </message>
    <message>
        <source>Slower than usual (%1)</source>
        <translation>比平常慢（%1）</translation>
    </message>
    <message>
        <source>No span took longer than its usual duration (durationMoveAvg).</source>
        <translation>没有 Span 的耗时超过其平常耗时（durationMoveAvg）。</translation>
    </message>
    <message>
        <source>Usual (durationMoveAvg)</source>
        <translation>平常耗时（durationMoveAvg）</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <source>No critical path.</source>
        <translation>没有关键路径。</translation>
    </message>
    <message>
        <source>self %1</source>
        <translation>自身 %1</translation>
    </message>
    <message>
        <source>Incident summary: trace %1</source>
        <translation>故障摘要：调用链 %1</translation>
    </message>
    <message>
        <source>Trace timeline</source>
        <translation>调用链时间线</translation>
    </message>
    <message>
        <source>With --export: width in pixels (default 1600, PDF 1200 across an A4 landscape page; PNG is drawn at twice that density).</source>
        <translation>与 --export 一起使用：宽度（像素，默认 1600；PDF 为 1200，铺满 A4 横向页面；PNG 按两倍密度绘制）。</translation>
    </message>
    <message>
        <source>Spans API</source>
        <translation>Spans API</translation>
    </message>
    <message>
        <source>Zipkin</source>
        <translation>Zipkin</translation>
    </message>
    <message>
        <source>Jaeger</source>
        <translation>Jaeger</translation>
    </message>
    <message>
        <source>Grafana Tempo</source>
        <translation>Grafana Tempo</translation>
    </message>
    <message>
        <source>The view to show, or with --export to draw: timeline (default), flamegraph, table, graph or events.</source>
        <translation>要显示的视图，或与 --export 一起时要绘制的视图：timeline（默认）、flamegraph、table、graph 或 events。</translation>
    </message>
    <message>
        <source>With --export --view flamegraph: fold identical service+operation paths into one frame.</source>
        <translation>与 --export --view flamegraph 一起：把相同的服务+操作路径合并为一个帧。</translation>
    </message>
    <message>
        <source>With --export --view graph: a node per service and operation, not per service.</source>
        <translation>与 --export --view graph 一起：每个服务和操作一个节点，而不是每个服务一个。</translation>
    </message>
    <message>
        <source>--view is timeline, flamegraph, table, graph or events, not &quot;%1&quot;</source>
        <translation>--view 应为 timeline、flamegraph、table、graph 或 events，而不是“%1”</translation>
    </message>
    <message>
        <source>Bookmarks and notes (%1)</source>
        <translation>书签和备注（%1）</translation>
    </message>
    <message>
        <source>span %1 (not in this trace)</source>
        <translation>span %1（不在此追踪中）</translation>
    </message>
    <message>
        <source>--compare needs two FILEs: A (before) and B (after)</source>
        <translation>--compare 需要两个文件：A（之前）和 B（之后）</translation>
    </message>
</context>
<context>
    <name>td::AnalysisView</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Time by service</source>
        <translation>按服务统计耗时</translation>
    </message>
    <message>
        <source>Slower by</source>
        <translation>慢多少</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Usual</source>
        <translation>平常</translation>
    </message>
    <message>
        <source>Warning threshold</source>
        <translation>警告阈值</translation>
    </message>
    <message>
        <source>Warning type</source>
        <translation>警告类型</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>语句数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>所在父 Span</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Service and operation</source>
        <translation>服务与操作</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件类型</translation>
    </message>
    <message>
        <source>Tag key</source>
        <translation>标签键</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>分组依据：</translation>
    </message>
    <message>
        <source>Time by component</source>
        <translation>按组件类型统计耗时</translation>
    </message>
    <message>
        <source>Duration distribution</source>
        <translation>耗时分布</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>Tag value</source>
        <translation>标签值</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Self total</source>
        <translation>自身耗时合计</translation>
    </message>
    <message>
        <source>Self average</source>
        <translation>自身耗时平均</translation>
    </message>
    <message>
        <source>% of trace</source>
        <translation>占调用链 %</translation>
    </message>
    <message>
        <source>(without this tag)</source>
        <translation>（无此标签）</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The table shows the first %1 of %2.</source>
        <translation>表格只显示 %2 行中的前 %1 行。</translation>
    </message>
    <message>
        <source>Slower than usual (%1)</source>
        <translation>比平常慢（%1）</translation>
    </message>
    <message>
        <source>Repeated calls (%1)</source>
        <translation>重复调用（%1）</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>错误（%1）</translation>
    </message>
    <message>
        <source>Self time and total time per service (number of spans in brackets); click a bar to highlight the spans</source>
        <translation>每个服务的自身耗时与总耗时（括号内为 Span 数）；点击条形可突出显示对应的 Span</translation>
    </message>
    <message>
        <source>The same per component (lc), &quot;other&quot; for spans without one</source>
        <translation>按组件类型（lc）统计，同上；没有组件类型的 Span 归入“other”</translation>
    </message>
    <message>
        <source>Spans by duration on logarithmic buckets; the selected span&apos;s bucket is marked; click a bar to highlight its spans</source>
        <translation>按对数分桶统计的 Span 耗时；选中 Span 所在的桶会被标出；点击条形可突出显示其中的 Span</translation>
    </message>
    <message>
        <source>Analysing %1 spans…</source>
        <translation>正在分析 %1 个 Span…</translation>
    </message>
    <message>
        <source>Fold repeated calls in the timeline</source>
        <translation>在时间线中折叠重复调用</translation>
    </message>
    <message>
        <source>Show each group as one row, its first call marked ×N</source>
        <translation>每组显示为一行，在第一个调用上标出 ×N</translation>
    </message>
    <message>
        <source>From first to last</source>
        <translation>首尾时间跨度</translation>
    </message>
    <message>
        <source>No trace open: the analysis appears here when a trace is shown.</source>
        <translation>未打开调用链：显示调用链后，分析结果将出现在这里。</translation>
    </message>
</context>
<context>
    <name>td::AnnotationsPanel</name>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>This span has no annotations.</source>
        <translation>此 Span 没有注解。</translation>
    </message>
    <message>
        <source>Client Send</source>
        <translation>客户端发送</translation>
    </message>
    <message>
        <source>Server Receive</source>
        <translation>服务端接收</translation>
    </message>
    <message>
        <source>Server Send</source>
        <translation>服务端发送</translation>
    </message>
    <message>
        <source>Client Receive</source>
        <translation>客户端接收</translation>
    </message>
    <message>
        <source>Wire Send</source>
        <translation>线路发送</translation>
    </message>
    <message>
        <source>Wire Receive</source>
        <translation>线路接收</translation>
    </message>
</context>
<context>
    <name>td::CommandLine</name>
    <message>
        <source>Project id.</source>
        <translation>项目 ID。</translation>
    </message>
    <message>
        <source>clusterId header.</source>
        <translation>clusterId 请求头。</translation>
    </message>
    <message>
        <source>namespace header.</source>
        <translation>namespace 请求头。</translation>
    </message>
    <message>
        <source>Header carrying the token (default X-Auth-Token). The token is read from TRACEDESK_TOKEN, or from the keychain for --profile.</source>
        <translation>携带令牌的请求头（默认 X-Auth-Token）。令牌从 TRACEDESK_TOKEN 读取；使用 --profile 时从系统密钥环读取。</translation>
    </message>
    <message>
        <source>Give up after S seconds without data (default 30).</source>
        <translation>连续 S 秒收不到数据即放弃（默认 30）。</translation>
    </message>
    <message>
        <source>With --fetch: write the answer exactly as received to FILE and exit.</source>
        <translation>与 --fetch 一起使用：将服务器应答原样写入 FILE 后退出。</translation>
    </message>
    <message>
        <source>--output needs --fetch ID</source>
        <translation>--output 需要 --fetch ID</translation>
    </message>
    <message>
        <source>--fetch needs a trace id that is not empty</source>
        <translation>--fetch 需要一个非空的 Trace ID</translation>
    </message>
    <message>
        <source>--fetch needs --project-id P (or a --profile that has one)</source>
        <translation>--fetch 需要 --project-id P（或一个包含项目 ID 的 --profile）</translation>
    </message>
    <message>
        <source>Open a window of its own instead of handing FILE or LINK to the TraceDesk that is already running.</source>
        <translation>单独打开一个窗口，而不是把 FILE 或 LINK 交给已在运行的 TraceDesk。</translation>
    </message>
    <message>
        <source>Load at most N spans of a trace, e.g. 2000000 or 2M (default 5M; also TRACEDESK_MAX_SPANS).</source>
        <translation>每个调用链最多加载 N 个 Span，例如 2000000 或 2M（默认 5M；也可用 TRACEDESK_MAX_SPANS 设置）。</translation>
    </message>
    <message>
        <source>Trace file to open (JSON), or a trace link tracedesk://trace/ID?profile=NAME.</source>
        <translation>要打开的调用链文件（JSON），或调用链链接 tracedesk://trace/ID?profile=NAME。</translation>
    </message>
    <message>
        <source>--max-spans needs a positive number, e.g. 2000000 or 2M</source>
        <translation>--max-spans 需要一个正数，例如 2000000 或 2M</translation>
    </message>
    <message>
        <source>--summary reads a FILE; for a trace link use --fetch ID --profile NAME --summary</source>
        <translation>--summary 读取的是 FILE；调用链链接请改用 --fetch ID --profile NAME --summary</translation>
    </message>
    <message>
        <source>Open Trace Link</source>
        <translation>打开调用链链接</translation>
    </message>
    <message>
        <source>Fetch trace ID from the spans API, Zipkin, Jaeger or Tempo.</source>
        <translation>从 Spans API、Zipkin、Jaeger 或 Tempo 获取指定 ID 的调用链。</translation>
    </message>
    <message>
        <source>Connection profile to fetch or search with (as saved in Connections).</source>
        <translation>用于获取或搜索的连接配置（即“连接”中保存的配置）。</translation>
    </message>
    <message>
        <source>Kind of backend at --base-url: zipkin, jaeger, tempo or spans-api (default).</source>
        <translation>--base-url 处的后端类型：zipkin、jaeger、tempo 或 spans-api（默认）。</translation>
    </message>
    <message>
        <source>Base URL of the backend (instead of a profile).</source>
        <translation>后端的基础 URL（代替连接配置）。</translation>
    </message>
    <message>
        <source>How Zipkin, Jaeger or Tempo get the secret from TRACEDESK_TOKEN: none, bearer, basic (TRACEDESK_TOKEN=user:password) or header:NAME.</source>
        <translation>向 Zipkin、Jaeger 或 Tempo 传递 TRACEDESK_TOKEN 中凭据的方式：none、bearer、basic（TRACEDESK_TOKEN=user:password）或 header:NAME。</translation>
    </message>
    <message>
        <source>With --auth basic: the user; TRACEDESK_TOKEN is then the password.</source>
        <translation>与 --auth basic 一起使用：用户名；此时 TRACEDESK_TOKEN 为密码。</translation>
    </message>
    <message>
        <source>3: Jaeger&apos;s /api/v3/traces/ID; 2: Tempo&apos;s /api/v2/traces/ID.</source>
        <translation>3：Jaeger 的 /api/v3/traces/ID；2：Tempo 的 /api/v2/traces/ID。</translation>
    </message>
    <message>
        <source>Open the window on the Search tab; with --profile NAME (a Zipkin, Jaeger or Tempo profile) search it at once.</source>
        <translation>打开窗口时显示“搜索”标签页；如果同时给出 --profile NAME（Zipkin、Jaeger 或 Tempo 配置），则立即在其中搜索。</translation>
    </message>
    <message>
        <source>List the traces in the local library (list), or those whose id, services or operations contain every word given (search WORD...), and exit.</source>
        <translation>列出本地库中的追踪（list），或 ID、服务或操作包含所有给定词语的追踪（search 词语...），然后退出。</translation>
    </message>
    <message>
        <source>With --library: one JSON object a line instead of a table.</source>
        <translation>与 --library 一起：每行一个 JSON 对象，而不是表格。</translation>
    </message>
    <message>
        <source>Do not record the trace in the local library (nor open it, in the window).</source>
        <translation>不把追踪记录到本地库（在窗口中也不打开库）。</translation>
    </message>
    <message>
        <source>--json goes with --library</source>
        <translation>--json 需与 --library 一起使用</translation>
    </message>
    <message>
        <source>--view is timeline, flamegraph, table, graph or events, not &quot;%1&quot;</source>
        <translation>--view 应为 timeline、flamegraph、table、graph 或 events，而不是“%1”</translation>
    </message>
    <message>
        <source>As --summary, with the merged flame graph&apos;s frames (path, count, totalUs, selfUs) as &quot;flamegraph&quot;.</source>
        <translation>同 --summary，并以 &quot;flamegraph&quot; 附上合并火焰图的帧（path、count、totalUs、selfUs）。</translation>
    </message>
    <message>
        <source>Compare two traces, A B: in the window, or with --summary as JSON (matched, onlyA, onlyB, rows), or with --export OUT.</source>
        <translation>比较两个追踪 A B：在窗口中，或与 --summary 一起输出 JSON（matched、onlyA、onlyB、rows），或与 --export OUT 一起导出。</translation>
    </message>
    <message>
        <source>--compare needs two FILEs: A (before) and B (after)</source>
        <translation>--compare 需要两个文件：A（之前）和 B（之后）</translation>
    </message>
    <message>
        <source>TraceDesk cannot start: the bundled %1 (%2). The installation is damaged; reinstall TraceDesk.</source>
        <translation>TraceDesk 无法启动：内置的%1（%2）。安装已损坏，请重新安装 TraceDesk。</translation>
    </message>
    <message>
        <source>Open the window at this size (e.g. 1920x1080) instead of the remembered one; with --screenshot, pictures of a known size.</source>
        <translation>以此尺寸（如 1920x1080）打开窗口，而不是记住的尺寸；与 --screenshot 一起使用可得到固定尺寸的截图。</translation>
    </message>
    <message>
        <source>--window-size is WIDTHxHEIGHT in pixels (400x300 to 10000x10000), e.g. 1920x1080, not &quot;%1&quot;</source>
        <translation>--window-size 应为以像素计的 宽x高（400x300 到 10000x10000），例如 1920x1080，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>td::CompareTreeModel</name>
    <message>
        <source>Service: operation</source>
        <translation>服务：操作</translation>
    </message>
    <message>
        <source>Count A</source>
        <translation>A 次数</translation>
    </message>
    <message>
        <source>Count B</source>
        <translation>B 次数</translation>
    </message>
    <message>
        <source>Duration A</source>
        <translation>A 耗时</translation>
    </message>
    <message>
        <source>Duration B</source>
        <translation>B 耗时</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>A (upper bar) / B (lower bar)</source>
        <translation>A（上方条）/ B（下方条）</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>仅在 B 中</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>仅在 A 中</translation>
    </message>
</context>
<context>
    <name>td::CompareView</name>
    <message>
        <source>Tree of calls</source>
        <translation>调用树</translation>
    </message>
    <message>
        <source>Largest slowdown first</source>
        <translation>变慢最多的在前</translation>
    </message>
    <message>
        <source>A: %1 (%2, %3 spans, %4)
B: %5 (%6, %7 spans, %8)
%9 rows in both · %10 only in A · %11 only in B</source>
        <translation>A：%1（%2，%3 个 span，%4）
B：%5（%6，%7 个 span，%8）
两者都有 %9 行 · 仅 A %10 行 · 仅 B %11 行</translation>
    </message>
    <message>
        <source>Bars: A above, B below, from each trace&apos;s start. Red rows: only in A; green rows: only in B.</source>
        <translation>条形：A 在上，B 在下，各自从追踪开始算起。红色行：仅在 A 中；绿色行：仅在 B 中。</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>%1 ⇄ %2</source>
        <translation>%1 ⇄ %2</translation>
    </message>
    <message>
        <source>No spans to compare.</source>
        <translation>没有可比较的 span。</translation>
    </message>
</context>
<context>
    <name>td::ConnectionsDialog</name>
    <message>
        <source>Verify the server certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>https://apm.example.com</source>
        <translation>https://apm.example.com</translation>
    </message>
    <message>
        <source>optional, sent as header clusterId</source>
        <translation>可选，作为请求头 clusterId 发送</translation>
    </message>
    <message>
        <source>optional, sent as header namespace</source>
        <translation>可选，作为请求头 namespace 发送</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>A larger answer is not downloaded: the fetch stops and says so.</source>
        <translation>更大的应答不会下载：获取会停止并给出说明。</translation>
    </message>
    <message>
        <source>optional PEM file with your organisation&apos;s CA</source>
        <translation>可选，贵组织 CA 的 PEM 文件</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>留空则保留已保存的令牌</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in the settings file.</source>
        <translation>令牌保存在系统密钥环中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Project id:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Cluster id:</source>
        <translation>集群 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation>命名空间(&amp;M)：</translation>
    </message>
    <message>
        <source>Token &amp;header:</source>
        <translation>令牌请求头(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <source>Si&amp;ze limit:</source>
        <translation>大小上限(&amp;Z)：</translation>
    </message>
    <message>
        <source>C&amp;A bundle:</source>
        <translation>CA 证书包(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>No system keychain answered (%1): tokens are kept in memory until TraceDesk quits.</source>
        <translation>系统密钥环没有响应（%1）：令牌仅保存在内存中，直到 TraceDesk 退出。</translation>
    </message>
    <message>
        <source>new token entered</source>
        <translation>已输入新令牌</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>新连接 %1</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Two profiles are called &quot;%1&quot;.</source>
        <translation>有两个配置都叫“%1”。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Token kept for this session only</source>
        <translation>令牌仅在本次会话中保留</translation>
    </message>
    <message>
        <source>Use the newer trace API (Jaeger /api/v3, Tempo /api/v2)</source>
        <translation>使用较新的调用链 API（Jaeger /api/v3、Tempo /api/v2）</translation>
    </message>
    <message>
        <source>Which API the base URL serves: the vendor spans API, Zipkin (port 9411), Jaeger query (16686) or Grafana Tempo (3200)</source>
        <translation>基础 URL 提供的是哪种 API：厂商的 Spans API、Zipkin（端口 9411）、Jaeger query（16686）或 Grafana Tempo（3200）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic（用户名和密码）</translation>
    </message>
    <message>
        <source>Token in a header</source>
        <translation>请求头中的令牌</translation>
    </message>
    <message>
        <source>user for basic authentication; the password goes in Token</source>
        <translation>Basic 认证的用户名；密码填在“令牌”中</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>认证(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>http://zipkin.example.com:9411</source>
        <translation>http://zipkin.example.com:9411</translation>
    </message>
    <message>
        <source>http://jaeger-query.example.com:16686</source>
        <translation>http://jaeger-query.example.com:16686</translation>
    </message>
    <message>
        <source>http://tempo.example.com:3200</source>
        <translation>http://tempo.example.com:3200</translation>
    </message>
</context>
<context>
    <name>td::DetailsDock</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Collapse the details to a strip, giving the timeline the width (Ctrl+Shift+D)</source>
        <translation>把详情折叠为窄条，把宽度让给时间线（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Close the details (View &gt; Panels brings them back)</source>
        <translation>关闭详情（“视图 &gt; 面板”可重新打开）</translation>
    </message>
    <message>
        <source>Show the details (Ctrl+Shift+D)</source>
        <translation>显示详情（Ctrl+Shift+D）</translation>
    </message>
</context>
<context>
    <name>td::DurationHistogramChart</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span 数</translation>
    </message>
    <message>
        <source>duration from</source>
        <translation>耗时起点</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>Span 数</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) from %1 to %2
click to highlight them</source>
        <translation>
            <numerusform>%n 个 Span，耗时 %1 到 %2
点击可突出显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::EndpointsPanel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation>（未上报）</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Remote server (sa)</source>
        <translation>远程服务端 (sa)</translation>
    </message>
    <message>
        <source>Client (ca)</source>
        <translation>客户端 (ca)</translation>
    </message>
</context>
<context>
    <name>td::EventsView</name>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>cs/sr/ss/cr</source>
        <translation>cs/sr/ss/cr</translation>
    </message>
    <message>
        <source>Filter events (time, service, span, event, fields)</source>
        <translation>筛选事件（时间、服务、span、事件、字段）</translation>
    </message>
    <message>
        <source>Only the events this service recorded</source>
        <translation>仅此服务记录的事件</translation>
    </message>
    <message>
        <source>Events that say error or exception, and the events of spans in error</source>
        <translation>提到错误或异常的事件，以及出错 span 的事件</translation>
    </message>
    <message>
        <source>Show the RPC&apos;s Client Send, Server Receive, Server Send and Client Receive (for Zipkin v2 client and server halves TraceDesk derives them from the halves&apos; times); without them the other events stand out</source>
        <translation>显示 RPC 的客户端发送、服务端接收、服务端发送和客户端接收（对于 Zipkin v2 的客户端和服务端两半，TraceDesk 根据两半的时间推算）；不显示它们时其他事件更醒目</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>所有服务</translation>
    </message>
    <message>
        <source>No events in this trace</source>
        <translation>此追踪中没有事件</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%2 个事件中的 %1 个</translation>
    </message>
</context>
<context>
    <name>td::ExportDialog</name>
    <message>
        <source>Export Trace</source>
        <translation>导出调用链</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG (vector, text as text)</source>
        <translation>SVG（矢量，文字保留为文字）</translation>
    </message>
    <message>
        <source>PDF (vector, split over pages)</source>
        <translation>PDF（矢量，分页）</translation>
    </message>
    <message>
        <source>Markdown incident summary (with a PNG beside it)</source>
        <translation>Markdown 故障摘要（旁边附 PNG）</translation>
    </message>
    <message>
        <source>Whole trace, as expanded and filtered in the view</source>
        <translation>整个调用链，按视图中的展开与过滤状态</translation>
    </message>
    <message>
        <source>Only what the window shows (visible rows and time range)</source>
        <translation>仅窗口中显示的内容（可见的行与时间范围）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>PNG pictures are drawn at twice this density; PDF pages are scaled to fit it.</source>
        <translation>PNG 图片按两倍密度绘制；PDF 页面会缩放到此宽度。</translation>
    </message>
    <message>
        <source>Add the selected span&apos;s details (overview, iplatform, annotations, tags)</source>
        <translation>附上选中 Span 的详情（概览、iplatform、注解、标签）</translation>
    </message>
    <message>
        <source>Redact secrets (tokens, passwords, cookies, session ids, Authorization)</source>
        <translation>脱敏敏感信息（令牌、密码、Cookie、会话 ID、Authorization）</translation>
    </message>
    <message>
        <source>The export will contain secrets as they are in the trace.</source>
        <translation>导出内容将包含调用链中原样的敏感信息。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Select a span to add its details.</source>
        <translation>选中一个 Span 即可附上其详情。</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png, .svg, .pdf or .md.</source>
        <translation>请选择以 .png、.svg、.pdf 或 .md 结尾的文件名。</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>The view on screen in the tab is exported; switch views with the keys 1 to 5.</source>
        <translation>导出标签页中当前显示的视图；用 1 到 5 键切换视图。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
</context>
<context>
    <name>td::FlameGraphView</name>
    <message>
        <source>No spans to draw.</source>
        <translation>没有可绘制的 span。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>A frame per span on the time axis, or identical service+operation paths merged (as Jaeger)</source>
        <translation>时间轴上每个 span 一帧，或把相同的服务+操作路径合并（与 Jaeger 相同）</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>%1 frames from %2 spans · %3 levels · double-click zooms in, Backspace out</source>
        <translation>%2 个 span 合并为 %1 帧 · %3 层 · 双击放大，Backspace 返回</translation>
    </message>
    <message>
        <source>%1 spans · %2 rows · double-click zooms the timeline to a frame · Ctrl+wheel zooms</source>
        <translation>%1 个 span · %2 行 · 双击把时间线缩放到该帧 · Ctrl+滚轮缩放</translation>
    </message>
    <message>
        <source>Service: operation</source>
        <translation>服务：操作</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>%1 个 span</translation>
    </message>
    <message>
        <source>Duration: %1, self: %2</source>
        <translation>耗时：%1，自身：%2</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>td::IPlatformPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>This span has no iplatform fields.</source>
        <translation>此 Span 没有 iplatform 字段。</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>actual %1</source>
        <translation>实际 %1</translation>
    </message>
    <message>
        <source>actual %1 = %2× usual</source>
        <translation>实际 %1 = 平常的 %2 倍</translation>
    </message>
    <message>
        <source>warns above %1</source>
        <translation>超过 %1 时警告</translation>
    </message>
    <message>
        <source>performance warning</source>
        <translation>性能警告</translation>
    </message>
    <message>
        <source>failed with this exception</source>
        <translation>因此异常失败</translation>
    </message>
</context>
<context>
    <name>td::LibraryCommand</name>
    <message>
        <source>OPENED</source>
        <translation>打开时间</translation>
    </message>
    <message>
        <source>TRACE ID</source>
        <translation>追踪 ID</translation>
    </message>
    <message>
        <source>ROOT</source>
        <translation>根</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>SPANS</source>
        <translation>SPAN 数</translation>
    </message>
    <message>
        <source>ERRORS</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>usage: tracedesk --library list [--json] | --library search TEXT... [--json]</source>
        <translation>用法：tracedesk --library list [--json] | --library search 文本... [--json]</translation>
    </message>
    <message>
        <source>--library list takes no TEXT; use --library search TEXT</source>
        <translation>--library list 不接受文本；请使用 --library search 文本</translation>
    </message>
    <message>
        <source>--library search needs TEXT to look for</source>
        <translation>--library search 需要要查找的文本</translation>
    </message>
    <message>
        <source>--library takes list or search, not &quot;%1&quot;</source>
        <translation>--library 接受 list 或 search，而不是“%1”</translation>
    </message>
    <message>
        <source>no traces in the library match</source>
        <translation>库中没有匹配的追踪</translation>
    </message>
    <message>
        <source>the library is empty (%1)</source>
        <translation>库为空（%1）</translation>
    </message>
    <message>
        <source>the trace was not recorded in the library: %1</source>
        <translation>追踪未记录到库中：%1</translation>
    </message>
</context>
<context>
    <name>td::LibraryTableModel</name>
    <message>
        <source>%1
A copy of the answer is stored (%2 bytes): the trace opens without the backend.</source>
        <translation>%1
已保存应答的副本（%2 字节）：无需后端即可打开此追踪。</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>打开时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>追踪 ID</translation>
    </message>
    <message>
        <source>Root service: operation</source>
        <translation>根服务：操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span 数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>td::LibraryView</name>
    <message>
        <source>&amp;Errors only</source>
        <translation>仅错误(&amp;E)</translation>
    </message>
    <message>
        <source>Filter by trace ID, service or operation</source>
        <translation>按追踪 ID、服务或操作筛选</translation>
    </message>
    <message>
        <source>Min duration, e.g. 100ms</source>
        <translation>最短耗时，例如 100ms</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Between...</source>
        <translation>介于...</translation>
    </message>
    <message>
        <source>When the trace started</source>
        <translation>追踪开始的时间</translation>
    </message>
    <message>
        <source>Trace library</source>
        <translation>追踪库</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration (e.g. 100ms, 1.5s, 2m); the minimum duration is ignored</source>
        <translation>“%1”不是时长（例如 100ms、1.5s、2m）；已忽略最短耗时</translation>
    </message>
    <message>
        <source>The trace library is off for this session.</source>
        <translation>本次会话的追踪库已关闭。</translation>
    </message>
    <message>
        <source>The trace library is not open.</source>
        <translation>追踪库未打开。</translation>
    </message>
    <message>
        <source>No traces in the library match.</source>
        <translation>库中没有匹配的追踪。</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n 个追踪</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare the two selected</source>
        <translation>比较选中的两个</translation>
    </message>
    <message>
        <source>Select two traces (Ctrl+click) and compare them: what got slower, what is new</source>
        <translation>选择两个追踪（Ctrl+单击）并比较：哪里变慢了，哪里是新增的</translation>
    </message>
</context>
<context>
    <name>td::LoadStatus</name>
    <message>
        <source>Show the problems met reading this trace</source>
        <translation>显示读取此调用链时遇到的问题</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 of %2 read, %3 spans</source>
        <translation>已读取 %1 / %2，%3 个 Span</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>1 problem…</source>
        <translation>1 个问题…</translation>
    </message>
    <message>
        <source>%1 problems…</source>
        <translation>%1 个问题…</translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation>调用链 %1</translation>
    </message>
    <message>
        <source> UTC (</source>
        <translation> UTC（</translation>
    </message>
    <message>
        <source> local)</source>
        <translation> 本地时间）</translation>
    </message>
    <message>
        <source> UTC)</source>
        <translation> UTC）</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>1 个 Span</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>%1 个 span</translation>
    </message>
    <message>
        <source>1 service</source>
        <translation>1 个服务</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 个服务</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 个警告</translation>
    </message>
</context>
<context>
    <name>td::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Trace &amp;ID…</source>
        <translation>打开 Trace ID(&amp;I)…</translation>
    </message>
    <message>
        <source>Searc&amp;h Traces…</source>
        <translation>搜索调用链(&amp;H)…</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Trace</source>
        <translation>打开示例调用链(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开的文件(&amp;R)</translation>
    </message>
    <message>
        <source>Recent &amp;Trace IDs</source>
        <translation>最近的 Trace ID(&amp;T)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>比较(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>导出备注(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation>导入备注(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Copy &amp;Image</source>
        <translation>复制图片(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark Span</source>
        <translation>为 Span 加书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Note on Span…</source>
        <translation>Span 备注(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Whole Trace</source>
        <translation>适应整个调用链(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;Back</source>
        <translation>返回上次缩放(&amp;B)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Span</source>
        <translation>缩放到 Span(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>F&amp;lame Graph</source>
        <translation>火焰图(&amp;L)</translation>
    </message>
    <message>
        <source>Span T&amp;able</source>
        <translation>Span 表(&amp;A)</translation>
    </message>
    <message>
        <source>Trace &amp;Graph</source>
        <translation>追踪图(&amp;G)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>事件(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>Colour by &amp;Service</source>
        <translation>按服务着色(&amp;S)</translation>
    </message>
    <message>
        <source>Colour by Co&amp;mponent</source>
        <translation>按组件类型着色(&amp;M)</translation>
    </message>
    <message>
        <source>Show &amp;Critical Path</source>
        <translation>显示关键路径(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Raw Times (no clock-skew correction)</source>
        <translation>原始时间（不校正时钟偏差）(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>下一个标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation>上一个标签页(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Collapse &amp;Details</source>
        <translation>折叠详情(&amp;D)</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About TraceDesk</source>
        <translation>关于 TraceDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>导出备注</translation>
    </message>
    <message>
        <source>Notes (*.notes.json *.json)</source>
        <translation>备注 (*.notes.json *.json)</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>导入备注</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Up/Down	move between spans
Left/Right	collapse / expand
Enter	show the span&apos;s details
+ / -	zoom in / out
Ctrl+wheel	zoom around the mouse
Shift+wheel, drag	pan the timeline
Drag on the ruler	zoom to a range
Double-click, Z	zoom to the span
F	fit the whole trace
Backspace	zoom back
C	show the critical path
R	raw times (no skew correction)
Ctrl+F, F3, Shift+F3	find, next, previous
Ctrl+O	open a trace file
Ctrl+T	open a trace by id
Ctrl+W, middle click	close the tab
Ctrl+Tab, Ctrl+PgDown/PgUp	next / previous tab
Ctrl+C in Tags	copy the tag&apos;s value
Ctrl+E	export (PNG, SVG, PDF, Markdown)
Ctrl+Shift+C	copy the timeline as an image
1 to 5	timeline, flame graph, span table, trace graph, events
Ctrl+Shift+A	show the Analysis dock
Ctrl+Shift+D	collapse or show the details
Ctrl+,	Preferences</source>
        <translation>上/下	在 span 之间移动
左/右	折叠 / 展开
回车	显示 span 详情
+ / -	放大 / 缩小
Ctrl+滚轮	以鼠标为中心缩放
Shift+滚轮、拖动	平移时间线
在标尺上拖动	缩放到区间
双击、Z	缩放到 span
F	显示整个追踪
退格	回到上次缩放
C	显示关键路径
R	原始时间（不校正时钟偏差）
Ctrl+F、F3、Shift+F3	查找、下一个、上一个
Ctrl+O	打开追踪文件
Ctrl+T	按 ID 打开追踪
Ctrl+W、中键单击	关闭标签页
Ctrl+Tab、Ctrl+PgDown/PgUp	下一个 / 上一个标签页
在标签中 Ctrl+C	复制标签值
Ctrl+E	导出（PNG、SVG、PDF、Markdown）
Ctrl+Shift+C	把时间线复制为图片
1 到 5	时间线、火焰图、Span 表、追踪图、事件
Ctrl+Shift+A	显示分析面板
Ctrl+Shift+D	折叠或显示详情
Ctrl+,	首选项</translation>
    </message>
    <message>
        <source>About TraceDesk</source>
        <translation>关于 TraceDesk</translation>
    </message>
    <message>
        <source>TraceDesk %1
Shows where the time went in a distributed trace and what failed.</source>
        <translation>TraceDesk %1
显示分布式调用链的时间花在哪里、哪里出了错。</translation>
    </message>
</context>
<context>
    <name>td::MainWindow</name>
    <message>
        <source>TraceDesk</source>
        <translation>TraceDesk</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>已取消打开 %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>iplatform</source>
        <translation>iplatform</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a trace file (Ctrl+O)</source>
        <translation>打开调用链文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open Trace ID…</source>
        <translation>打开 Trace ID…</translation>
    </message>
    <message>
        <source>Fetch a trace by id, choosing the profile (Ctrl+T)</source>
        <translation>按 ID 获取调用链，可选择连接配置（Ctrl+T）</translation>
    </message>
    <message>
        <source>Trace ID…</source>
        <translation>Trace ID…</translation>
    </message>
    <message>
        <source>Paste a trace id and press Enter to fetch it</source>
        <translation>粘贴 Trace ID 后按回车获取</translation>
    </message>
    <message>
        <source>The connection profile the trace id is fetched with</source>
        <translation>获取 Trace ID 所用的连接配置</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>%1 – TraceDesk</source>
        <translation>%1 – TraceDesk</translation>
    </message>
    <message>
        <source>No trace open. Open a file (Ctrl+O), a trace id (Ctrl+T), or drop a file here.</source>
        <translation>没有打开的调用链。请打开文件（Ctrl+O）或 Trace ID（Ctrl+T），也可以把文件拖到这里。</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>无连接配置</translation>
    </message>
    <message>
        <source>Could not open the trace</source>
        <translation>无法打开调用链</translation>
    </message>
    <message>
        <source>, line %1, column %2</source>
        <translation>，第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>TraceDesk could not open %1.</source>
        <translation>TraceDesk 无法打开 %1。</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>打开调用链</translation>
    </message>
    <message>
        <source>Trace files (*.json *.jsonl *.txt);;All files (*)</source>
        <translation>调用链文件 (*.json *.jsonl *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter a trace id to fetch: the box is empty.</source>
        <translation>请输入要获取的 Trace ID：输入框是空的。</translation>
    </message>
    <message>
        <source>A trace id has no spaces or line breaks inside: &quot;%1&quot;. Paste a single id.</source>
        <translation>Trace ID 中不能有空格或换行：“%1”。请只粘贴一个 ID。</translation>
    </message>
    <message>
        <source>Add a connection profile to fetch trace %1.</source>
        <translation>请先添加连接配置，才能获取调用链 %1。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <source>Open Trace Link</source>
        <translation>打开调用链链接</translation>
    </message>
    <message>
        <source>The link to trace %1 names no connection profile, and there is none yet. Add one, then open the link again.</source>
        <translation>指向调用链 %1 的链接没有指定连接配置，而且目前还没有任何配置。请先添加一个，然后重新打开链接。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search Zipkin, Jaeger or Tempo for traces</source>
        <translation>在 Zipkin、Jaeger 或 Tempo 中搜索调用链</translation>
    </message>
    <message>
        <source>There is no Zipkin, Jaeger or Tempo profile called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的 Zipkin、Jaeger 或 Tempo 配置。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Time by service, statistics, repeated calls and errors (Ctrl+Shift+A)</source>
        <translation>按服务的耗时、统计、重复调用和错误（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>The library is off for this run: %1</source>
        <translation>本次运行的库已关闭：%1</translation>
    </message>
    <message>
        <source>The trace was not recorded in the library: %1</source>
        <translation>追踪未记录到库中：%1</translation>
    </message>
    <message>
        <source>Notes are kept in the library, which is off.</source>
        <translation>备注保存在库中，而库已关闭。</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) imported</source>
        <translation>
            <numerusform>已导入 %n 条备注</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened the copy stored in the library on %1</source>
        <translation>已打开库中 %1 保存的副本</translation>
    </message>
    <message>
        <source>trace %1 (stored copy)</source>
        <translation>追踪 %1（保存的副本）</translation>
    </message>
    <message>
        <source>%1: the file is gone and the library keeps no copy of this trace</source>
        <translation>%1：文件已不存在，且库中没有此追踪的副本</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A：%1
B：%2</translation>
    </message>
    <message>
        <source>Compare Traces</source>
        <translation>比较追踪</translation>
    </message>
    <message>
        <source>Which call got slower, which is new: B against A, path by path.</source>
        <translation>哪个调用变慢了、哪个是新增的：逐条路径比较 B 与 A。</translation>
    </message>
    <message>
        <source>A file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>A (before):</source>
        <translation>A（之前）：</translation>
    </message>
    <message>
        <source>B (after):</source>
        <translation>B（之后）：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare: choose a trace</source>
        <translation>比较：选择一个追踪</translation>
    </message>
    <message>
        <source>Trace files (*.json);;All files (*)</source>
        <translation>追踪文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Comparing %1: %2 rows in both, %3 only in A, %4 only in B</source>
        <translation>正在比较 %1：两者都有 %2 行，仅 A %3 行，仅 B %4 行</translation>
    </message>
</context>
<context>
    <name>td::NotesPanel</name>
    <message>
        <source>&amp;Bookmark this span (Ctrl+B)</source>
        <translation>为此 span 加书签(&amp;B)（Ctrl+B）</translation>
    </message>
    <message>
        <source>A note on this span, for you and the incident report. It is saved as you type.</source>
        <translation>此 span 的备注，供你自己和事故报告使用。输入时即保存。</translation>
    </message>
    <message>
        <source>Saved in the library.</source>
        <translation>已保存到库中。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The library is off: %1</source>
        <translation>库已关闭：%1</translation>
    </message>
    <message>
        <source>Notes are kept in the library, which is off (--no-library).</source>
        <translation>备注保存在库中，而库已关闭（--no-library）。</translation>
    </message>
    <message>
        <source>Select a span to bookmark it or write a note.</source>
        <translation>选择一个 span 以加书签或写备注。</translation>
    </message>
</context>
<context>
    <name>td::OpenTraceIdDialog</name>
    <message>
        <source>Open Trace ID</source>
        <translation>打开 Trace ID</translation>
    </message>
    <message>
        <source>e.g. 0000000027046b00</source>
        <translation>例如 0000000027046b00</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>获取(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connections...</source>
        <translation>连接(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Trace id:</source>
        <translation>Trace ID(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>连接配置(&amp;P)：</translation>
    </message>
    <message>
        <source>There is no connection profile yet: add one with Connections...</source>
        <translation>还没有连接配置：请通过“连接...”添加。</translation>
    </message>
    <message>
        <source>Enter a trace id.</source>
        <translation>请输入 Trace ID。</translation>
    </message>
    <message>
        <source>Choose a connection profile, or add one with Connections...</source>
        <translation>请选择一个连接配置，或通过“连接...”添加。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
</context>
<context>
    <name>td::OverviewPanel</name>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>事务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace ID</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>Span ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>父 Span ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件类型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <source>Offset in trace</source>
        <translation>在调用链中的偏移</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子 Span</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>未选中 Span</translation>
    </message>
    <message>
        <source>(missing span: referenced as a parent, not in the trace)</source>
        <translation>（缺失的 Span：被作为父 Span 引用，但不在调用链中）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning: slower than usual</source>
        <translation>警告：比平常慢</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source> (client and server halves shared one id)</source>
        <translation>（客户端和服务端两半共用同一个 ID）</translation>
    </message>
    <message>
        <source>shifted by %1</source>
        <translation>平移了 %1</translation>
    </message>
    <message>
        <source> (server started before its client sent the request)</source>
        <translation>（服务端在客户端发出请求之前就开始了）</translation>
    </message>
    <message>
        <source>server side shifted by %1</source>
        <translation>服务端偏移了 %1</translation>
    </message>
</context>
<context>
    <name>td::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used from the next start of TraceDesk.</source>
        <translation>新的语言将在下次启动 TraceDesk 时生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
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
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Show times &amp;in:</source>
        <translation>时间显示为(&amp;I)：</translation>
    </message>
    <message>
        <source>Copy and export</source>
        <translation>复制与导出</translation>
    </message>
    <message>
        <source>&amp;Redact tokens, passwords and cookies in everything copied or exported</source>
        <translation>对复制或导出的所有内容中的令牌、密码和 Cookie 进行脱敏(&amp;R)</translation>
    </message>
    <message>
        <source>The whole trace</source>
        <translation>整个调用链</translation>
    </message>
    <message>
        <source>The visible time range</source>
        <translation>可见的时间范围</translation>
    </message>
    <message>
        <source>E&amp;xport:</source>
        <translation>导出范围(&amp;X)：</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connection &amp;Profiles…</source>
        <translation>连接配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件类型</translation>
    </message>
    <message>
        <source>Colour &amp;bars by:</source>
        <translation>条形着色依据(&amp;B)：</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation>SVG 图片</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Markdown summary</source>
        <translation>Markdown 摘要</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>Add the selected span&apos;s &amp;details below the timeline</source>
        <translation>在时间线下方附上选中 Span 的详情(&amp;D)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Fetched traces are kept as received so that they open when the backend is down; beyond this size in all the oldest copies are removed (0 keeps none).</source>
        <translation>获取的追踪按收到的原样保存，以便后端不可用时也能打开；总大小超过此值时删除最旧的副本（0 表示不保存）。</translation>
    </message>
    <message>
        <source>Keep fetched &amp;answers up to:</source>
        <translation>保存获取的应答(&amp;A)最多：</translation>
    </message>
</context>
<context>
    <name>td::ProblemsPanel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>td::RawJsonPanel</name>
    <message>
        <source>This span is missing from the trace; other spans name it as their parent.</source>
        <translation>此 Span 不在调用链中；其他 Span 把它作为父 Span 引用。</translation>
    </message>
    <message>
        <source>The source of this span is not available.</source>
        <translation>此 Span 的源数据不可用。</translation>
    </message>
</context>
<context>
    <name>td::RemoteTraceOpener</name>
    <message>
        <source>Downloading... %1 KiB</source>
        <translation>正在下载... %1 KiB</translation>
    </message>
    <message>
        <source>Reading %1 KiB...</source>
        <translation>正在读取 %1 KiB...</translation>
    </message>
    <message numerus="yes">
        <source>Reading... %n span(s)</source>
        <translation>
            <numerusform>正在读取... %n 个 Span</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Trace ID</source>
        <translation>打开 Trace ID</translation>
    </message>
    <message>
        <source>There is no connection profile called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的连接配置。</translation>
    </message>
    <message>
        <source>Token for %1</source>
        <translation>%1 的令牌</translation>
    </message>
    <message>
        <source>Token kept for this session only</source>
        <translation>令牌仅在本次会话中保留</translation>
    </message>
    <message>
        <source>Fetching trace %1 from %2</source>
        <translation>正在从 %2 获取调用链 %1</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fetching trace %1</source>
        <translation>正在获取调用链 %1</translation>
    </message>
    <message>
        <source>Fetching trace %1 failed</source>
        <translation>获取调用链 %1 失败</translation>
    </message>
    <message>
        <source>Enter a New Token...</source>
        <translation>输入新令牌...</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>sent in the %1 header</source>
        <translation>通过请求头 %1 发送</translation>
    </message>
    <message>
        <source>the password of user %1</source>
        <translation>用户 %1 的密码</translation>
    </message>
    <message>
        <source>sent as a bearer token</source>
        <translation>作为 Bearer 令牌发送</translation>
    </message>
    <message>
        <source>The server rejected the token of profile &quot;%1&quot;. Enter a new token (%2):</source>
        <translation>服务器拒绝了配置“%1”的令牌。请输入新令牌（%2）：</translation>
    </message>
    <message>
        <source>Enter the token for profile &quot;%1&quot; (%2):</source>
        <translation>请输入配置“%1”的令牌（%2）：</translation>
    </message>
</context>
<context>
    <name>td::SearchPage</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The Zipkin, Jaeger or Tempo connection to search (File &gt; Connections adds one)</source>
        <translation>要搜索的 Zipkin、Jaeger 或 Tempo 连接（可在“文件 &gt; 连接”中添加）</translation>
    </message>
    <message>
        <source>all services</source>
        <translation>全部服务</translation>
    </message>
    <message>
        <source>all operations</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>e.g. error=true http.status_code=500</source>
        <translation>例如 error=true http.status_code=500</translation>
    </message>
    <message>
        <source>Tags that must match, key=value separated by spaces; quote values with spaces: http.url=&quot;/api/cart items&quot;</source>
        <translation>必须匹配的标签，格式为 key=value，以空格分隔；含空格的值要加引号：http.url=&quot;/api/cart items&quot;</translation>
    </message>
    <message>
        <source>{ resource.service.name = &quot;frontend&quot; &amp;&amp; status = error }</source>
        <translation>{ resource.service.name = &quot;frontend&quot; &amp;&amp; status = error }</translation>
    </message>
    <message>
        <source>Tempo only: a TraceQL query; when set, it replaces service, operation, tags and durations</source>
        <translation>仅限 Tempo：TraceQL 查询；填写后将取代服务、操作、标签和耗时条件</translation>
    </message>
    <message>
        <source>e.g. 100ms</source>
        <translation>例如 100ms</translation>
    </message>
    <message>
        <source>e.g. 2s</source>
        <translation>例如 2s</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>数量上限(&amp;L)：</translation>
    </message>
    <message>
        <source>Se&amp;rvice:</source>
        <translation>服务(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>操作(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Trace&amp;QL:</source>
        <translation>TraceQL(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Min duration:</source>
        <translation>最短耗时(&amp;M)：</translation>
    </message>
    <message>
        <source>Ma&amp;x duration:</source>
        <translation>最长耗时(&amp;X)：</translation>
    </message>
    <message>
        <source>Ti&amp;me:</source>
        <translation>时间(&amp;M)：</translation>
    </message>
    <message>
        <source>Could not list the services: %1</source>
        <translation>无法列出服务：%1</translation>
    </message>
    <message>
        <source>Could not list the operations: %1</source>
        <translation>无法列出操作：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>There is no Zipkin, Jaeger or Tempo connection yet. Add one with Connections… (the demo server serves all three: see the README).</source>
        <translation>还没有 Zipkin、Jaeger 或 Tempo 连接。请通过“连接…”添加一个（演示服务器三种都提供：参见 README）。</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration such as 100ms, 2s or 1m.</source>
        <translation>%1：“%2”不是有效的时长，时长应形如 100ms、2s 或 1m。</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>最短耗时</translation>
    </message>
    <message>
        <source>Max duration</source>
        <translation>最长耗时</translation>
    </message>
    <message>
        <source>Choose a Zipkin, Jaeger or Tempo connection first (Connections…).</source>
        <translation>请先选择一个 Zipkin、Jaeger 或 Tempo 连接（“连接…”）。</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>正在搜索 %1…</translation>
    </message>
</context>
<context>
    <name>td::SearchResultsView</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Open %n traces</source>
        <translation>
            <numerusform>打开 %n 个调用链(&amp;O)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the selected traces, each in its own tab (Enter)</source>
        <translation>打开选中的调用链，每个调用链一个标签页（回车）</translation>
    </message>
    <message>
        <source>Duration over start time; click a point to open its trace</source>
        <translation>耗时随开始时间的分布；点击某个点可打开其调用链</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>调用链</translation>
    </message>
    <message>
        <source>Traces with errors</source>
        <translation>有错误的调用链</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>耗时（ms）</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>耗时（s）</translation>
    </message>
    <message>
        <source>%1 %2
%3, %4 spans, %5 errors
%6</source>
        <translation>%1 %2
%3，%4 个 Span，%5 个错误
%6</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <source>Compare the two selected traces: what got slower, what is new</source>
        <translation>比较选中的两个追踪：哪里变慢了，哪里是新增的</translation>
    </message>
</context>
<context>
    <name>td::SpanPainters</name>
    <message>
        <source>Timeline  %1 – %2 of %3</source>
        <translation>时间线  %1 – %2，共 %3</translation>
    </message>
</context>
<context>
    <name>td::SpanPalette</name>
    <message>
        <source>no component</source>
        <translation>无组件类型</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>missing span</source>
        <translation>缺失的 Span</translation>
    </message>
</context>
<context>
    <name>td::SpanTableModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
</context>
<context>
    <name>td::SpanTableView</name>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Add column…</source>
        <translation>添加列…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Filter spans (service, operation)</source>
        <translation>筛选 span（服务、操作）</translation>
    </message>
    <message>
        <source>Only the spans of this service</source>
        <translation>仅此服务的 span</translation>
    </message>
    <message>
        <source>Min duration (100ms)</source>
        <translation>最短耗时（100ms）</translation>
    </message>
    <message>
        <source>Add a column showing a tag&apos;s value</source>
        <translation>添加一列显示标签的值</translation>
    </message>
    <message>
        <source>Write the rows shown to a CSV file</source>
        <translation>把显示的行写入 CSV 文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>所有服务</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n 个 span</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <source>Tag key:</source>
        <translation>标签键：</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>td::SpanTreeModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>missing span %1</source>
        <translation>缺失的 Span %1</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>% of trace</source>
        <translation>占调用链 %</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>td::SpanTreeView</name>
    <message>
        <source>Missing span</source>
        <translation>缺失的 Span</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Referenced as a parent but not in the trace</source>
        <translation>被作为父 Span 引用，但不在调用链中</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>slow (warning)</source>
        <translation>慢（警告）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Usual duration</source>
        <translation>平常耗时</translation>
    </message>
    <message>
        <source>Request network (cs→sr)</source>
        <translation>请求网络（cs→sr）</translation>
    </message>
    <message>
        <source>Server (sr→ss)</source>
        <translation>服务端（sr→ss）</translation>
    </message>
    <message>
        <source>Response network (ss→cr)</source>
        <translation>应答网络（ss→cr）</translation>
    </message>
    <message>
        <source>Clock skew corrected</source>
        <translation>已校正时钟偏差</translation>
    </message>
</context>
<context>
    <name>td::SpanView</name>
    <message>
        <source>Find spans by name, service, tag key or value</source>
        <translation>按名称、服务、标签键或值查找 Span</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <source>Only matches</source>
        <translation>仅显示匹配项</translation>
    </message>
    <message>
        <source>Show only matching spans and their ancestors</source>
        <translation>只显示匹配的 Span 及其祖先</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Tree order (no sorting)</source>
        <translation>树的顺序（不排序）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Flame Graph</source>
        <translation>火焰图</translation>
    </message>
    <message>
        <source>Span Table</source>
        <translation>Span 表</translation>
    </message>
    <message>
        <source>Trace Graph</source>
        <translation>追踪图</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1（按键 %2）</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>td::SpansApiClient</name>
    <message>
        <source> (certificate for &quot;%1&quot; issued by &quot;%2&quot;, valid %3 to %4)</source>
        <translation>（“%1”的证书由“%2”签发，有效期 %3 至 %4）</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>preparing the request</source>
        <translation>准备请求</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>waiting for the answer</source>
        <translation>等待应答</translation>
    </message>
    <message>
        <source>checking the server certificate (TLS)</source>
        <translation>检查服务器证书（TLS）</translation>
    </message>
    <message>
        <source>following a redirect</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>requesting the trace</source>
        <translation>请求调用链</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>reading the answer</source>
        <translation>读取应答</translation>
    </message>
    <message>
        <source>querying the trace</source>
        <translation>查询调用链</translation>
    </message>
    <message>
        <source>Fetching the trace failed while %1: %2</source>
        <translation>获取调用链时在“%1”这一步失败：%2</translation>
    </message>
    <message>
        <source>The trace id is empty.</source>
        <translation>Trace ID 为空。</translation>
    </message>
    <message>
        <source>Enter the trace id to fetch.</source>
        <translation>请输入要获取的 Trace ID。</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a usable http(s) address.</source>
        <translation>基础 URL“%1”不是可用的 http(s) 地址。</translation>
    </message>
    <message>
        <source>Check the base URL in the connection profile, e.g. https://apm.example.com.</source>
        <translation>请检查连接配置中的基础 URL，例如 https://apm.example.com。</translation>
    </message>
    <message>
        <source>The project id is empty.</source>
        <translation>项目 ID 为空。</translation>
    </message>
    <message>
        <source>Enter the project id in the connection profile.</source>
        <translation>请在连接配置中填写项目 ID。</translation>
    </message>
    <message>
        <source>The token header name is empty.</source>
        <translation>令牌请求头名称为空。</translation>
    </message>
    <message>
        <source>Set the token header in the connection profile (usually X-Auth-Token).</source>
        <translation>请在连接配置中设置令牌请求头（通常为 X-Auth-Token）。</translation>
    </message>
    <message>
        <source>The CA bundle &quot;%1&quot; could not be read or holds no PEM certificate.</source>
        <translation>无法读取 CA 证书包“%1”，或其中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Choose a PEM file with your organisation&apos;s CA certificate(s) in the connection profile.</source>
        <translation>请在连接配置中选择包含贵组织 CA 证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved.</source>
        <translation>无法解析主机名“%1”。</translation>
    </message>
    <message>
        <source>Check the base URL (%1) in the connection profile, and your network or proxy settings.</source>
        <translation>请检查连接配置中的基础 URL（%1），以及网络或代理设置。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2.</source>
        <translation>%1 在端口 %2 上拒绝了连接。</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>连接 %1 超时。</translation>
    </message>
    <message>
        <source>Check the base URL (%1) and that the server is reachable from this network (VPN, proxy).</source>
        <translation>请检查基础 URL（%1），并确认从当前网络（VPN、代理）可以访问该服务器。</translation>
    </message>
    <message>
        <source>The proxy failed: %1</source>
        <translation>代理出错：%1</translation>
    </message>
    <message>
        <source>Check the system proxy settings (TraceDesk uses them).</source>
        <translation>请检查系统代理设置（TraceDesk 使用系统代理）。</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2</source>
        <translation>无法验证 %1 的证书：%2</translation>
    </message>
    <message>
        <source>If the server uses a certificate from your organisation&apos;s own CA, add that CA&apos;s PEM file as the CA bundle in the connection profile. TraceDesk does not skip this check.</source>
        <translation>如果服务器使用的是贵组织自有 CA 签发的证书，请在连接配置中把该 CA 的 PEM 文件添加为 CA 证书包。TraceDesk 不会跳过此检查。</translation>
    </message>
    <message>
        <source>The server redirected the request: %1</source>
        <translation>服务器重定向了请求：%1</translation>
    </message>
    <message>
        <source>Use the final address as the base URL in the connection profile.</source>
        <translation>请在连接配置中使用最终地址作为基础 URL。</translation>
    </message>
    <message>
        <source>%1 closed the connection before the answer was complete.</source>
        <translation>%1 在应答完成之前关闭了连接。</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, the server or a proxy in between is dropping the request.</source>
        <translation>请重试；如果一直出现，说明服务器或中间的代理在丢弃请求。</translation>
    </message>
    <message>
        <source>The network is not available: %1</source>
        <translation>网络不可用：%1</translation>
    </message>
    <message>
        <source>Check your network connection and try again.</source>
        <translation>请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Add your organisation&apos;s CA as the CA bundle in the connection profile.</source>
        <translation>请在连接配置中把贵组织的 CA 添加为 CA 证书包。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>Try again; check the base URL (%1) if it keeps failing.</source>
        <translation>请重试；如果一直失败，请检查基础 URL（%1）。</translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation>已取消获取。</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 (the profile&apos;s timeout).</source>
        <translation>服务器在 %1 内没有发送任何数据（配置的超时时间）。</translation>
    </message>
    <message>
        <source>Try again, or raise the timeout in the connection profile if the service is known to be slow.</source>
        <translation>请重试；如果该服务一向较慢，可在连接配置中调大超时时间。</translation>
    </message>
    <message>
        <source>The answer is larger than the limit of %1; the download was stopped.</source>
        <translation>应答超过了 %1 的上限，已停止下载。</translation>
    </message>
    <message>
        <source>Raise the size limit if this trace really is that large.</source>
        <translation>如果这个调用链确实这么大，请调大大小上限。</translation>
    </message>
    <message>
        <source>If this trace really is that large, raise the size limit of profile &quot;%1&quot; in File &gt; Connections.</source>
        <translation>如果这个调用链确实这么大，请在“文件 &gt; 连接”中调大配置“%1”的大小上限。</translation>
    </message>
    <message>
        <source>The server redirected the request to %1; TraceDesk follows redirects only to the same scheme and host, so the token is not sent elsewhere.</source>
        <translation>服务器把请求重定向到 %1；TraceDesk 只跟随同一协议和主机的重定向，以免令牌被发往别处。</translation>
    </message>
    <message>
        <source>If that address is right, use it as the base URL in the connection profile.</source>
        <translation>如果该地址正确，请在连接配置中把它用作基础 URL。</translation>
    </message>
    <message>
        <source>The server rejected the token (HTTP 401): it is missing, wrong or expired.</source>
        <translation>服务器拒绝了令牌（HTTP 401）：令牌缺失、错误或已过期。</translation>
    </message>
    <message>
        <source>The server refused access (HTTP 403): the token is rejected or expired, or it has no access to project %1.</source>
        <translation>服务器拒绝访问（HTTP 403）：令牌被拒绝或已过期，或者无权访问项目 %1。</translation>
    </message>
    <message>
        <source>Enter a new token for this connection profile and try again.</source>
        <translation>请为此连接配置输入新令牌后重试。</translation>
    </message>
    <message>
        <source>The server answered HTTP 404 (not found) for %1.</source>
        <translation>服务器对 %1 应答 HTTP 404（未找到）。</translation>
    </message>
    <message>
        <source>Check the base URL and the project id (%1) in the connection profile.</source>
        <translation>请检查连接配置中的基础 URL 和项目 ID（%1）。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2. The answer began: %3</source>
        <translation>服务器应答 HTTP %1 %2。应答开头：%3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>The service has a problem; try again later.</source>
        <translation>服务出现问题；请稍后重试。</translation>
    </message>
    <message>
        <source>Check the connection profile (base URL, project id, headers).</source>
        <translation>请检查连接配置（基础 URL、项目 ID、请求头）。</translation>
    </message>
    <message>
        <source> The server said: %1</source>
        <translation> 服务器返回：%1</translation>
    </message>
    <message>
        <source>The server certificate was not verified (TLS verification is off in this profile).</source>
        <translation>未验证服务器证书（此配置关闭了 TLS 验证）。</translation>
    </message>
    <message>
        <source>Check the trace id &quot;%1&quot; (as printed in the logs) and the project id %2.</source>
        <translation>请检查 Trace ID“%1”（以日志中打印的为准）和项目 ID %2。</translation>
    </message>
    <message>
        <source>Check the trace id, and that the profile&apos;s project, cluster and namespace are where the trace was recorded. Very recent traces can take a minute to appear.</source>
        <translation>请检查 Trace ID，并确认配置的项目、集群和命名空间正是记录该调用链的位置。刚产生的调用链可能需要一分钟左右才能查到。</translation>
    </message>
    <message>
        <source>The spans API answered %1.</source>
        <translation>Spans API 返回 %1。</translation>
    </message>
    <message>
        <source>TraceDesk does not know this code; the server&apos;s message is shown as given.</source>
        <translation>TraceDesk 不认识这个代码；以下按原样显示服务器的消息。</translation>
    </message>
    <message>
        <source>The answer is not JSON (%1). It began: %2</source>
        <translation>应答不是 JSON（%1）。应答开头：%2</translation>
    </message>
    <message>
        <source>A login page or a proxy error page often looks like this: check the base URL and the proxy.</source>
        <translation>登录页面或代理错误页面通常就是这样：请检查基础 URL 和代理。</translation>
    </message>
    <message>
        <source>The answer is JSON but holds no spans: %1</source>
        <translation>应答是 JSON，但其中没有 Span：%1</translation>
    </message>
    <message>
        <source>Check that the base URL points at the spans API (…/v1/{project_id}/ats/spans).</source>
        <translation>请确认基础 URL 指向 Spans API（…/v1/{project_id}/ats/spans）。</translation>
    </message>
    <message>
        <source>The spans API rejected the request (%1, parameter verification failed).</source>
        <translation>Spans API 拒绝了请求（%1，参数校验失败）。</translation>
    </message>
    <message>
        <source>No trace with id %1 in project %2 (%3, no tracing data found).</source>
        <translation>项目 %2 中没有 ID 为 %1 的调用链（%3，未找到调用链数据）。</translation>
    </message>
    <message>
        <source>No trace with id %1 in project %2 (the spans API answered %3, query succeeded, with no spans).</source>
        <translation>项目 %2 中没有 ID 为 %1 的调用链（Spans API 应答 %3，查询成功，但没有 span）。</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>finding the API</source>
        <translation>查找 API</translation>
    </message>
    <message>
        <source>sending the query</source>
        <translation>发送查询</translation>
    </message>
    <message>
        <source>Set the header name in the connection profile, or choose another kind of authentication.</source>
        <translation>请在连接配置中设置请求头名称，或选择其他认证方式。</translation>
    </message>
    <message>
        <source>Check the base URL (%1) and its port: is %2 served there?</source>
        <translation>请检查基础 URL（%1）及其端口：%2 是否在那里提供服务？</translation>
    </message>
    <message>
        <source>the spans API</source>
        <translation>Spans API</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>（无消息）</translation>
    </message>
    <message>
        <source>%1 has no trace with id %2 (HTTP %3). The server said: %4</source>
        <translation>%1 中没有 ID 为 %2 的调用链（HTTP %3）。服务器返回：%4</translation>
    </message>
    <message>
        <source>Check the trace id, and that %1 is the backend the trace was sent to. Very recent traces can take a minute to appear; old ones may have passed the backend&apos;s retention.</source>
        <translation>请检查 Trace ID，并确认 %1 正是该调用链被发送到的后端。刚产生的调用链可能需要一分钟左右才能查到；较早的调用链可能已超过后端的保留期限。</translation>
    </message>
    <message>
        <source>The server answered HTTP 404 (not found) for %1. The server said: %2</source>
        <translation>服务器对 %1 应答 HTTP 404（未找到）。服务器返回：%2</translation>
    </message>
    <message>
        <source>Check the base URL (%1) and the backend kind (%2): %3</source>
        <translation>请检查基础 URL（%1）和后端类型（%2）：%3</translation>
    </message>
    <message>
        <source>Zipkin serves /api/v2/... usually on port 9411.</source>
        <translation>Zipkin 通常在端口 9411 上提供 /api/v2/...。</translation>
    </message>
    <message>
        <source>Jaeger&apos;s query service serves /api/... usually on port 16686.</source>
        <translation>Jaeger 的查询服务通常在端口 16686 上提供 /api/...。</translation>
    </message>
    <message>
        <source>Tempo serves /api/... usually on port 3200.</source>
        <translation>Tempo 通常在端口 3200 上提供 /api/...。</translation>
    </message>
    <message>
        <source>%1 rejected the request (HTTP 400): %2</source>
        <translation>%1 拒绝了请求（HTTP 400）：%2</translation>
    </message>
    <message>
        <source>Check the search fields; for TraceQL, the query&apos;s syntax (e.g. { resource.service.name = &quot;api&quot; }).</source>
        <translation>请检查搜索条件；使用 TraceQL 时请检查查询语法（例如 { resource.service.name = &quot;api&quot; }）。</translation>
    </message>
    <message>
        <source>Check the search fields (service, tags as key=value, durations such as 100ms).</source>
        <translation>请检查搜索条件（服务、key=value 形式的标签、100ms 这样的耗时）。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3: %4</source>
        <translation>%1 应答 HTTP %2 %3：%4</translation>
    </message>
    <message>
        <source>The backend has a problem; try again later, or ask whoever runs %1.</source>
        <translation>后端出现问题；请稍后重试，或联系 %1 的运维人员。</translation>
    </message>
    <message>
        <source>Check the connection profile (base URL, backend kind, authentication).</source>
        <translation>请检查连接配置（基础 URL、后端类型、认证）。</translation>
    </message>
    <message>
        <source>The server refused access (HTTP 403): the credentials are rejected or have no access.</source>
        <translation>服务器拒绝访问（HTTP 403）：凭据被拒绝，或者没有访问权限。</translation>
    </message>
    <message>
        <source>This backend wants credentials: set the profile&apos;s authentication (bearer token, basic or a header).</source>
        <translation>此后端需要凭据：请设置配置的认证方式（Bearer 令牌、Basic 或请求头）。</translation>
    </message>
    <message>
        <source>Fetched trace %1 from %2 (%3 spans).</source>
        <translation>已从 %2 获取调用链 %1（%3 个 Span）。</translation>
    </message>
    <message>
        <source>%1 has no trace with id %2 (the answer holds no spans).</source>
        <translation>%1 中没有 ID 为 %2 的调用链（应答中没有 Span）。</translation>
    </message>
    <message>
        <source>Check the trace id and the base URL. Very recent traces can take a minute to appear.</source>
        <translation>请检查 Trace ID 和基础 URL。刚产生的调用链可能需要一分钟左右才能查到。</translation>
    </message>
    <message>
        <source>Check that the base URL points at %1 and that the profile&apos;s backend kind is right.</source>
        <translation>请确认基础 URL 指向 %1，并且配置的后端类型正确。</translation>
    </message>
</context>
<context>
    <name>td::StartPage</name>
    <message>
        <source>Files you open appear here.</source>
        <translation>打开过的文件会显示在这里。</translation>
    </message>
    <message>
        <source>Trace ids you fetch appear here, with their connection profile.</source>
        <translation>获取过的 Trace ID 会连同其连接配置显示在这里。</translation>
    </message>
    <message>
        <source>TraceDesk</source>
        <translation>TraceDesk</translation>
    </message>
    <message>
        <source>Open a trace to see where the time went and what failed. You can also drop trace files on this window.</source>
        <translation>打开一个调用链，看看时间花在哪里、哪里出了错。也可以把调用链文件拖到此窗口。</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Zipkin, Jaeger, OpenTelemetry, spans API or Log Service JSON (Ctrl+O)</source>
        <translation>Zipkin、Jaeger、OpenTelemetry、Spans API 或日志服务 JSON（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open a Trace ID…</source>
        <translation>打开 Trace ID…</translation>
    </message>
    <message>
        <source>Open the Sample Trace</source>
        <translation>打开示例调用链</translation>
    </message>
    <message>
        <source>A small iplatform trace with an error and a slow call, to look around</source>
        <translation>一个包含一个错误和一个慢调用的小型 iplatform 调用链，可以随便看看</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <source>Recent trace IDs</source>
        <translation>最近的 Trace ID</translation>
    </message>
    <message>
        <source>Fetch trace %1 with profile &quot;%2&quot;</source>
        <translation>用配置“%2”获取调用链 %1</translation>
    </message>
    <message>
        <source>%1
profile %2</source>
        <translation>%1
配置 %2</translation>
    </message>
    <message>
        <source>Fetch a trace from the spans API, Zipkin, Jaeger or Tempo with a connection profile (Ctrl+T)</source>
        <translation>用连接配置从 Spans API、Zipkin、Jaeger 或 Tempo 获取调用链（Ctrl+T）</translation>
    </message>
    <message>
        <source>Search Traces…</source>
        <translation>搜索调用链…</translation>
    </message>
    <message>
        <source>Find traces in Zipkin, Jaeger or Tempo by service, operation, tags and duration (Ctrl+Shift+F)</source>
        <translation>按服务、操作、标签和耗时在 Zipkin、Jaeger 或 Tempo 中查找调用链（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Every trace you open or fetch, searchable offline; a fetched trace opens from its stored copy when the backend cannot be reached.</source>
        <translation>你打开或获取的每个追踪，可离线搜索；后端无法访问时，获取的追踪从保存的副本打开。</translation>
    </message>
</context>
<context>
    <name>td::TagsPanel</name>
    <message>
        <source>Filter tags by key or value</source>
        <translation>按键或值过滤标签</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Select a tag to see its whole value</source>
        <translation>选中一个标签即可查看其完整值</translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation>复制键(&amp;K)</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <source>Copy &amp;Span as JSON</source>
        <translation>将 Span 复制为 JSON(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>iplatform extensions</source>
        <translation>iplatform 扩展字段</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source> … (truncated; see Raw JSON)</source>
        <translation> …（已截断；完整内容见原始 JSON）</translation>
    </message>
</context>
<context>
    <name>td::TimeBarChart</name>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>微秒</translation>
    </message>
    <message>
        <source>all others</source>
        <translation>其余全部</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>%1
self time %2, total %3, %4 % of the trace
click to highlight these spans</source>
        <translation>%1
自身耗时 %2，总耗时 %3，占调用链的 %4 %
点击可突出显示这些 Span</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>td::TimelineHeader</name>
    <message>
        <source>Drag across the ruler to zoom to a range; double-click to fit the whole trace.</source>
        <translation>在标尺上拖动可缩放到某个范围；双击可适应整个调用链。</translation>
    </message>
</context>
<context>
    <name>td::TimelineOverview</name>
    <message>
        <source>Whole trace; drag the window to pan</source>
        <translation>整个调用链；拖动窗口可平移</translation>
    </message>
</context>
<context>
    <name>td::TokenStore</name>
    <message>
        <source>no keychain service (Secret Service or KWallet) is running</source>
        <translation>没有运行中的密钥环服务（Secret Service 或 KWallet）</translation>
    </message>
    <message>
        <source>no keychain support on this platform</source>
        <translation>此平台不支持密钥环</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>访问密钥环被拒绝</translation>
    </message>
    <message>
        <source>the keychain service did not respond properly</source>
        <translation>密钥环服务没有正确响应</translation>
    </message>
    <message>
        <source>No system keychain answered (%1). The token is kept in memory until TraceDesk quits; you will be asked for it again next time.</source>
        <translation>系统密钥环没有响应（%1）。令牌仅保存在内存中，直到 TraceDesk 退出；下次会再次询问。</translation>
    </message>
    <message>
        <source>the keychain is switched off</source>
        <translation>密钥环已关闭</translation>
    </message>
    <message>
        <source>The token was removed.</source>
        <translation>令牌已删除。</translation>
    </message>
    <message>
        <source>The token is stored in the system keychain.</source>
        <translation>令牌已保存到系统密钥环。</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>%1 毫秒内无响应</translation>
    </message>
</context>
<context>
    <name>td::TraceEvents</name>
    <message>
        <source>Client Send</source>
        <translation>客户端发送</translation>
    </message>
    <message>
        <source>Server Receive</source>
        <translation>服务端接收</translation>
    </message>
    <message>
        <source>Server Send</source>
        <translation>服务端发送</translation>
    </message>
    <message>
        <source>Client Receive</source>
        <translation>客户端接收</translation>
    </message>
    <message>
        <source>Wire Send</source>
        <translation>线路发送</translation>
    </message>
    <message>
        <source>Wire Receive</source>
        <translation>线路接收</translation>
    </message>
</context>
<context>
    <name>td::TraceEventsModel</name>
    <message>
        <source>as recorded; corrected for clock skew: %1</source>
        <translation>按记录；校正时钟偏差后：%1</translation>
    </message>
    <message>
        <source>corrected for clock skew by %1; recorded: %2</source>
        <translation>已校正时钟偏差 %1；记录值：%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Offset from the start of the trace</source>
        <translation>相对追踪开始的偏移</translation>
    </message>
</context>
<context>
    <name>td::TraceExportRenderer</name>
    <message>
        <source>missing span %1</source>
        <translation>缺失的 Span %1</translation>
    </message>
    <message>
        <source>Selected span: %1</source>
        <translation>选中的 Span：%1</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>事务</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning: slower than usual</source>
        <translation>警告：比平常慢</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>Span ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>父 Span ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件类型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Offset in trace</source>
        <translation>在调用链中的偏移</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>shifted by %1</source>
        <translation>平移了 %1</translation>
    </message>
    <message>
        <source>iplatform</source>
        <translation>iplatform</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>…（共 %1 个字符）</translation>
    </message>
    <message>
        <source>… (truncated when read)</source>
        <translation>…（读取时已截断）</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>没有调用链</translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation>调用链 %1</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>visible range %1 – %2, %3</source>
        <translation>可见范围 %1 – %2，%3</translation>
    </message>
    <message>
        <source>whole trace, %1 as expanded in the view</source>
        <translation>整个调用链，%1，按视图中的展开状态</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Red bar: failed. Amber outline: slower than usual (black tick: usual duration, dotted: warning threshold). Lighter ends: network time (cs→sr, ss→cr). Dashed outline: position before clock-skew correction.</source>
        <translation>红色条：失败。琥珀色边框：比平常慢（黑色刻度：平常耗时，虚线：警告阈值）。两端较浅部分：网络时间（cs→sr、ss→cr）。虚线边框：时钟偏差校正前的位置。</translation>
    </message>
    <message>
        <source>server side shifted by %1</source>
        <translation>服务端偏移了 %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>火焰图</translation>
    </message>
    <message>
        <source>Span table</source>
        <translation>Span 表</translation>
    </message>
    <message>
        <source>Trace graph</source>
        <translation>追踪图</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Compare %1 ⇄ %2</source>
        <translation>比较 %1 ⇄ %2</translation>
    </message>
    <message>
        <source>Compare: A is this trace, B is %1 (%2 spans, %3)</source>
        <translation>比较：A 为此追踪，B 为 %1（%2 个 span，%3）</translation>
    </message>
</context>
<context>
    <name>td::TraceGraphView</name>
    <message>
        <source>%1 (not traced)</source>
        <translation>%1（未追踪）</translation>
    </message>
    <message>
        <source>not traced</source>
        <translation>未追踪</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>总计 %1</translation>
    </message>
    <message>
        <source>total %1 · self %2</source>
        <translation>总计 %1 · 自身 %2</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph.</source>
        <translation>Graphviz 无法布局此图。</translation>
    </message>
    <message>
        <source>No spans to draw.</source>
        <translation>没有可绘制的 span。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Service + operation</source>
        <translation>服务 + 操作</translation>
    </message>
    <message>
        <source>A node per service, or per operation of each service</source>
        <translation>每个服务一个节点，或每个服务的每个操作一个节点</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Show the whole graph (F, or double-click the background)</source>
        <translation>显示整张图（F，或双击背景）</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <source>%1 nodes · %2 edges · %3 calls · click a node or edge to mark its spans</source>
        <translation>%1 个节点 · %2 条边 · %3 次调用 · 单击节点或边以标记其 span</translation>
    </message>
    <message>
        <source>Not traced: known from the calls of its clients</source>
        <translation>未追踪：由其客户端的调用得知</translation>
    </message>
    <message>
        <source>Spans: %1, errors: %2</source>
        <translation>Span：%1，错误：%2</translation>
    </message>
    <message>
        <source>Total: %1, self: %2</source>
        <translation>总计：%1，自身：%2</translation>
    </message>
    <message>
        <source>%1 → %2
Calls: %3, errors: %4
Total: %5</source>
        <translation>%1 → %2
调用：%3，错误：%4
总计：%5</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>正在布局图…</translation>
    </message>
    <message>
        <source>Laying out the graph with Graphviz…</source>
        <translation>正在用 Graphviz 布局图…</translation>
    </message>
</context>
<context>
    <name>td::TraceHitModel</name>
    <message>
        <source>Trace %1</source>
        <translation>调用链 %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Root service</source>
        <translation>根服务</translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation>根操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span 数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
</context>
<context>
    <name>td::TraceLibrary</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The trace library needs Qt&apos;s SQLite driver (Debian package libqt6sql6-sqlite); the library is off for this session</source>
        <translation>追踪库需要 Qt 的 SQLite 驱动（Debian 软件包 libqt6sql6-sqlite）；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>The trace library %1 is not a file; the library is off for this session</source>
        <translation>追踪库 %1 不是文件；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the trace library; the library is off for this session</source>
        <translation>无法为追踪库创建文件夹 %1；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>Cannot open the trace library %1; the library is off for this session</source>
        <translation>无法打开追踪库 %1；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>The trace library %1 is locked by another program; the library is off for this session and the file was left as it is</source>
        <translation>追踪库 %1 被另一个程序锁定；本次会话的库已关闭，文件保持原样</translation>
    </message>
    <message>
        <source>The trace library %1 is damaged or not a database; the library is off for this session and the file was left as it is (move it away to start a new library)</source>
        <translation>追踪库 %1 已损坏或不是数据库；本次会话的库已关闭，文件保持原样（将其移走即可新建库）</translation>
    </message>
    <message>
        <source>Cannot read the trace library %1; the library is off for this session</source>
        <translation>无法读取追踪库 %1；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a TraceDesk library; the library is off for this session and the file was left as it is</source>
        <translation>%1 是其他程序的数据库，不是 TraceDesk 库；本次会话的库已关闭，文件保持原样</translation>
    </message>
    <message>
        <source>The trace library %1 was written by a newer TraceDesk (schema %2, this one reads %3); the library is off for this session and the file was left as it is</source>
        <translation>追踪库 %1 由更新版本的 TraceDesk 写入（架构 %2，此版本读取 %3）；本次会话的库已关闭，文件保持原样</translation>
    </message>
    <message>
        <source>The trace library %1 cannot use a write-ahead log (journal mode stays %2); the library is off for this session</source>
        <translation>追踪库 %1 无法使用预写日志（日志模式仍为 %2）；本次会话的库已关闭</translation>
    </message>
    <message>
        <source>Cannot evict stored copies from the trace library</source>
        <translation>无法从追踪库中清除保存的副本</translation>
    </message>
    <message>
        <source>Cannot read the stored copies of the trace library</source>
        <translation>无法读取追踪库中保存的副本</translation>
    </message>
    <message>
        <source>Cannot record the trace in the library</source>
        <translation>无法把追踪记录到库中</translation>
    </message>
    <message>
        <source>Cannot store the copy of the trace in the library</source>
        <translation>无法把追踪的副本保存到库中</translation>
    </message>
    <message>
        <source>Cannot search the trace library</source>
        <translation>无法搜索追踪库</translation>
    </message>
    <message>
        <source>Cannot read the stored copy of trace %1</source>
        <translation>无法读取追踪 %1 保存的副本</translation>
    </message>
    <message>
        <source>Cannot remove the trace from the library</source>
        <translation>无法从库中删除追踪</translation>
    </message>
    <message>
        <source>Cannot save the note</source>
        <translation>无法保存备注</translation>
    </message>
    <message>
        <source>Cannot save the bookmark</source>
        <translation>无法保存书签</translation>
    </message>
    <message>
        <source>Cannot read the notes of trace %1</source>
        <translation>无法读取追踪 %1 的备注</translation>
    </message>
    <message>
        <source>The notes file is not JSON: %1 at byte %2</source>
        <translation>备注文件不是 JSON：第 %2 字节处 %1</translation>
    </message>
    <message>
        <source>The notes file must hold one object with &quot;traceId&quot; and &quot;notes&quot;</source>
        <translation>备注文件必须包含一个带 &quot;traceId&quot; 和 &quot;notes&quot; 的对象</translation>
    </message>
    <message>
        <source>The notes file has no &quot;traceId&quot; (a non-empty string)</source>
        <translation>备注文件没有 &quot;traceId&quot;（非空字符串）</translation>
    </message>
    <message>
        <source>The notes file is for trace %1, not for trace %2</source>
        <translation>备注文件属于追踪 %1，而不是追踪 %2</translation>
    </message>
    <message>
        <source>The notes file has no &quot;notes&quot; array</source>
        <translation>备注文件没有 &quot;notes&quot; 数组</translation>
    </message>
    <message>
        <source>notes[%1] needs a &quot;spanId&quot; (a non-empty string)</source>
        <translation>notes[%1] 需要 &quot;spanId&quot;（非空字符串）</translation>
    </message>
    <message>
        <source>notes[%1].note must be a string</source>
        <translation>notes[%1].note 必须是字符串</translation>
    </message>
    <message>
        <source>notes[%1].bookmarked must be true or false</source>
        <translation>notes[%1].bookmarked 必须为 true 或 false</translation>
    </message>
    <message>
        <source>The trace library is off; notes cannot be imported</source>
        <translation>追踪库已关闭；无法导入备注</translation>
    </message>
    <message>
        <source>Cannot import the notes</source>
        <translation>无法导入备注</translation>
    </message>
</context>
<context>
    <name>td::TraceLink</name>
    <message>
        <source>A trace link looks like tracedesk://trace/&lt;id&gt;?profile=&lt;name&gt;.</source>
        <translation>调用链链接的格式为 tracedesk://trace/&lt;id&gt;?profile=&lt;name&gt;。</translation>
    </message>
    <message>
        <source>The trace link is empty.</source>
        <translation>调用链链接为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid link: %2</source>
        <translation>“%1”不是有效的链接：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a TraceDesk link.</source>
        <translation>“%1”不是 TraceDesk 链接。</translation>
    </message>
    <message>
        <source>The link does not say what to open (&quot;tracedesk://trace/...&quot; is missing).</source>
        <translation>链接没有说明要打开什么（缺少“tracedesk://trace/...”）。</translation>
    </message>
    <message>
        <source>TraceDesk cannot open &quot;%1&quot; links, only trace links.</source>
        <translation>TraceDesk 无法打开“%1”类链接，只能打开调用链链接。</translation>
    </message>
    <message>
        <source>The link has parts a trace link does not have (user, port or #fragment).</source>
        <translation>链接中含有调用链链接不该有的部分（用户、端口或 #片段）。</translation>
    </message>
    <message>
        <source>The link has no trace id.</source>
        <translation>链接中没有 Trace ID。</translation>
    </message>
    <message>
        <source>The trace id &quot;%1&quot; contains &quot;/&quot;; a link holds exactly one trace id.</source>
        <translation>Trace ID“%1”中含有“/”；一个链接只能包含一个 Trace ID。</translation>
    </message>
    <message>
        <source>The trace id is %1 characters long; trace ids have at most %2.</source>
        <translation>Trace ID 长 %1 个字符；Trace ID 最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The trace id &quot;%1&quot; contains &quot;%2&quot;; trace ids are made of letters, digits and - _ . :</source>
        <translation>Trace ID“%1”中含有“%2”；Trace ID 只能由字母、数字和 - _ . : 组成</translation>
    </message>
    <message>
        <source>The link has an unknown parameter &quot;%1&quot;; only &quot;profile&quot; is understood.</source>
        <translation>链接中有未知参数“%1”；只支持“profile”。</translation>
    </message>
    <message>
        <source>The link names the profile more than once.</source>
        <translation>链接多次指定了配置。</translation>
    </message>
    <message>
        <source>The link&apos;s profile name is empty.</source>
        <translation>链接中的配置名称为空。</translation>
    </message>
    <message>
        <source>The link&apos;s profile name is too long.</source>
        <translation>链接中的配置名称太长。</translation>
    </message>
</context>
<context>
    <name>td::TraceSaver</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 has changed since it was opened, so it is no longer the trace shown. Open it again to save it.</source>
        <translation>%1 自打开以来已被修改，已不是当前显示的调用链。请重新打开后再保存。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save Trace As</source>
        <translation>调用链另存为</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>td::TraceSearchClient</name>
    <message>
        <source>Searching failed while %1: %2</source>
        <translation>搜索时在“%1”这一步失败：%2</translation>
    </message>
    <message>
        <source>The backend said: %1</source>
        <translation>后端返回：%1</translation>
    </message>
    <message>
        <source>Check that the base URL and the backend kind of the profile match.</source>
        <translation>请确认配置的基础 URL 与后端类型相符。</translation>
    </message>
    <message>
        <source>The spans API cannot search for traces; open a trace by its id instead.</source>
        <translation>Spans API 不支持搜索调用链；请改为按 ID 打开调用链。</translation>
    </message>
    <message>
        <source>Jaeger searches one service at a time: choose a service.</source>
        <translation>Jaeger 每次只能搜索一个服务：请选择一个服务。</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>The minimum duration is larger than the maximum.</source>
        <translation>最短耗时大于最长耗时。</translation>
    </message>
    <message>
        <source>The limit must be at least 1.</source>
        <translation>数量上限至少为 1。</translation>
    </message>
    <message>
        <source>TraceQL queries are for Tempo only.</source>
        <translation>TraceQL 查询仅适用于 Tempo。</translation>
    </message>
    <message>
        <source>A tag needs a key (key=value).</source>
        <translation>标签需要有键（key=value）。</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>已取消搜索。</translation>
    </message>
    <message>
        <source>%1 said: %2</source>
        <translation>%1 返回：%2</translation>
    </message>
    <message>
        <source>Check the search fields.</source>
        <translation>请检查搜索条件。</translation>
    </message>
    <message>
        <source>Check that the base URL points at %1 and that the profile&apos;s backend kind is right.</source>
        <translation>请确认基础 URL 指向 %1，并且配置的后端类型正确。</translation>
    </message>
    <message>
        <source>No traces match the search.</source>
        <translation>没有与搜索条件匹配的调用链。</translation>
    </message>
    <message>
        <source>1 trace found.</source>
        <translation>找到 1 个调用链。</translation>
    </message>
    <message>
        <source>%1 traces found.</source>
        <translation>找到 %1 个调用链。</translation>
    </message>
</context>
<context>
    <name>td::TraceTabs</name>
    <message>
        <source>Trace %1</source>
        <translation>调用链 %1</translation>
    </message>
    <message>
        <source>Sample trace</source>
        <translation>示例调用链</translation>
    </message>
    <message>
        <source>Trace %1, fetched with profile &quot;%2&quot;</source>
        <translation>调用链 %1，通过配置“%2”获取</translation>
    </message>
    <message>
        <source>Trace %1, fetched with profile &quot;%2&quot; from project %3</source>
        <translation>调用链 %1，通过配置“%2”从项目 %3 获取</translation>
    </message>
</context>
<context>
    <name>td::backendapi</name>
    <message>
        <source>The answer is not JSON. It began: %1</source>
        <translation>应答不是 JSON。应答开头：%1</translation>
    </message>
    <message>
        <source>Zipkin&apos;s search answer should be a list of traces (each a list of spans).</source>
        <translation>Zipkin 的搜索应答应当是调用链列表（每个调用链是一个 Span 列表）。</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>已取消搜索。</translation>
    </message>
    <message>
        <source>Jaeger&apos;s search answer should be {&quot;data&quot;: [traces]}.</source>
        <translation>Jaeger 的搜索应答应当是 {&quot;data&quot;: [traces]}。</translation>
    </message>
    <message>
        <source>Tempo&apos;s search answer should be {&quot;traces&quot;: [...]}.</source>
        <translation>Tempo 的搜索应答应当是 {&quot;traces&quot;: [...]}。</translation>
    </message>
    <message>
        <source>The spans API has no search.</source>
        <translation>Spans API 不支持搜索。</translation>
    </message>
    <message>
        <source>The answer holds no list of names.</source>
        <translation>应答中没有名称列表。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not key=value.</source>
        <translation>“%1”不是 key=value 形式。</translation>
    </message>
    <message>
        <source>A tag needs a key before &apos;=&apos;.</source>
        <translation>标签在 &apos;=&apos; 之前需要有键。</translation>
    </message>
    <message>
        <source>The quote after %1= is not closed.</source>
        <translation>%1= 后面的引号没有闭合。</translation>
    </message>
</context>
</TS>
