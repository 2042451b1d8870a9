<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="66" />
        <location filename="../app/main.cpp" line="74" />
        <location filename="../app/main.cpp" line="82" />
        <source>Consortia</source>
        <translation>Consortia 联盟链运维台</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="67" />
        <source>Cannot start the sandbox network (%1): %2</source>
        <translation>无法启动沙箱网络（%1）：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="75" />
        <source>Cannot read the network in %1: %2</source>
        <translation>无法读取 %1 中的网络：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="183" />
        <source>History is off: %1</source>
        <translation>历史记录不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="195" />
        <source>No operator certificate for %1: the console can only watch this node.</source>
        <translation>没有 %1 的运维人员证书：控制台只能查看此节点。</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="216" />
        <source>Applied “%1” on %2</source>
        <translation>已在 %2 上应用“%1”</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="217" />
        <source>Could not apply “%1” on %2: %3</source>
        <translation>无法在 %2 上应用“%1”：%3</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="228" />
        <source>Cleared the faults on %1</source>
        <translation>已清除 %1 上的故障</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="229" />
        <source>Could not clear the faults on %1: %2</source>
        <translation>无法清除 %1 上的故障：%2</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="255" />
        <source>Partitioned %1 from the rest</source>
        <translation>已将 %1 与其余节点隔离</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="256" />
        <source>The partition is incomplete: %1</source>
        <translation>隔离未完全生效：%1</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="269" />
        <source>Cleared all faults on every node</source>
        <translation>已清除所有节点上的全部故障</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="270" />
        <source>Some faults remain: %1</source>
        <translation>部分故障仍然存在：%1</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../app/reasons.cpp" line="13" />
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="14" />
        <source>Malformed data</source>
        <translation>数据格式错误</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="15" />
        <source>Unsupported version or feature</source>
        <translation>不支持的版本或功能</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="16" />
        <source>Too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="17" />
        <source>Bad signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="18" />
        <source>Bad certificate</source>
        <translation>证书无效</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="19" />
        <source>Invalid block</source>
        <translation>区块无效</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="20" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="21" />
        <source>Nonce already used</source>
        <translation>序号已被使用</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="22" />
        <source>Nonce too far ahead</source>
        <translation>序号超前过多</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="23" />
        <source>Transaction pool full</source>
        <translation>交易池已满</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="24" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="25" />
        <source>Storage or system error</source>
        <translation>存储或系统错误</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="26" />
        <source>Stored data damaged</source>
        <translation>存储数据已损坏</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="27" />
        <source>Not authorised</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="28" />
        <source>Proposal expired</source>
        <translation>提案已过期</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="29" />
        <source>Would leave the live validators short of a quorum</source>
        <translation>变更后存活的验证节点将不足法定人数</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="30" />
        <source>Would leave fewer than 4 validators</source>
        <translation>变更后验证节点将少于 4 个</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="31" />
        <source>Conflicts with the chain's state</source>
        <translation>与链上状态冲突</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="32" />
        <source>Too late or too soon for this height</source>
        <translation>对该高度而言过早或过晚</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="33" />
        <source>Not available in this protocol version</source>
        <translation>当前协议版本不支持</translation>
    </message>
</context>
<context>
    <name>consortia::console::ChartsView</name>
    <message>
        <location filename="../app/charts_view.cpp" line="44" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="74" />
        <source>Block height per node</source>
        <translation>各节点区块高度</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="74" />
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="76" />
        <source>View changes per node (cumulative)</source>
        <translation>各节点视图切换次数（累计）</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="76" />
        <source>view changes</source>
        <translation>视图切换次数</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="147" />
        <source>Show details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="148" />
        <source>Apply network fault</source>
        <translation>注入网络故障</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="151" />
        <source>Clear faults</source>
        <translation>清除故障</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="157" />
        <source>Partition the selected nodes from the rest</source>
        <translation>将所选节点与其余节点隔离</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="159" />
        <source>Clear all faults on every node</source>
        <translation>清除所有节点上的全部故障</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="199" />
        <source>Consortia — %1</source>
        <translation>Consortia 联盟链运维台 — %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="200" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <location filename="../app/main_window.cpp" line="204" />
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="202" />
        <source>Node detail</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="203" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Suggested action</source>
        <translation>建议操作</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="206" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="207" />
        <source>Filter by node, organisation, role or health</source>
        <translation>按节点、机构、角色或健康状态筛选</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="208" />
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● 验证节点   ■ 观察节点   金色外圈：主节点   颜色：绿色 已同步，橙色 落后，紫色 已停机，红色 不可达   连线：往返时延 绿色 &lt; 50 毫秒，橙色 &lt; 200 毫秒，红色 更高；虚线：断开，点线：已注入故障规则   滚轮：缩放，拖动：平移，双击：节点详情</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Peer</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>RTT (ms)</source>
        <translation>往返时延（毫秒）</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Sent</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Received</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Fault rule</source>
        <translation>故障规则</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="213" />
        <source>Network fault on this node's links:</source>
        <translation>本节点链路上的网络故障：</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="214" />
        <source>netem words, e.g. delay 100ms 20ms loss 1%</source>
        <translation>netem 规则，例如 delay 100ms 20ms loss 1%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="215" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="216" />
        <source>Clear all faults</source>
        <translation>清除全部故障</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="236" />
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>共 %1 个节点，%2 个可达，%3 个已同步 · 区块高度 %4 · 主节点 %5 · 更新于 %6</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="241" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="242" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="249" />
        <source>Rate limit 2048 kbit/s</source>
        <translation>限速 2048 kbit/s</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="250" />
        <source>Delay 1000 ms ± 300 ms (30% correlated)</source>
        <translation>延迟 1000 毫秒 ± 300 毫秒（相关性 30%）</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="251" />
        <source>Loss 10%</source>
        <translation>丢包 10%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="252" />
        <source>Duplicate 1%</source>
        <translation>重复 1%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="253" />
        <source>Corrupt 0.2%</source>
        <translation>损坏 0.2%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="254" />
        <source>Custom rule…</source>
        <translation>自定义规则…</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="265" />
        <source>Failed: </source>
        <translation>失败：</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="272" />
        <source>Fork</source>
        <translation>分叉</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="273" />
        <source>Lagging node</source>
        <translation>节点落后</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="274" />
        <source>View-change storm</source>
        <translation>视图切换风暴</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="275" />
        <source>Agent unreachable</source>
        <translation>代理不可达</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="276" />
        <source>Node halted</source>
        <translation>节点停机</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="292" />
        <source>block hashes differ from height %1; all agree at %2</source>
        <translation>从高度 %1 起区块哈希不一致；在高度 %2 处全部一致</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="293" />
        <source>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</source>
        <translation>停止异常节点并保留其数据以便调查，从多数节点重新同步；检查拜占庭验证节点是否超过 f 个，或软件版本是否不同。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="297" />
        <source>behind by %1 blocks: it has no connected peers</source>
        <translation>落后 %1 个区块：没有已连接的对等节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="299" />
        <source>behind by %1 blocks: its peers are behind too (best peer height %2)</source>
        <translation>落后 %1 个区块：其对等节点同样落后（对等节点最高高度 %2）</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="300" />
        <source>behind by %1 blocks: syncing from peers at height %2</source>
        <translation>落后 %1 个区块：正在从高度 %2 的对等节点同步</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="301" />
        <source>Check its network, firewall and certificates; its log says why peers refuse it.</source>
        <translation>检查其网络、防火墙和证书；其日志会说明对等节点拒绝它的原因。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="302" />
        <source>Its sync sources are slow or partitioned: check the links of its organisation.</source>
        <translation>其同步来源缓慢或被分区：请检查所在机构的链路。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="303" />
        <source>Watch that the gap closes; if not, check its disk and CPU.</source>
        <translation>观察差距是否缩小；若没有，请检查其磁盘和 CPU。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="306" />
        <source>%1 view changes per minute</source>
        <translation>每分钟 %1 次视图切换</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="307" />
        <source>; suspected: %1</source>
        <translation>；疑似原因节点：%1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="308" />
        <source>Look for a leader that is down or slow and for lossy links around it.</source>
        <translation>排查宕机或缓慢的主节点及其周围丢包的链路。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="311" />
        <source>the agent did not answer: %1</source>
        <translation>代理未响应：%1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="312" />
        <source>Check the agent process and the network path to it; the node itself may still run.</source>
        <translation>检查代理进程及到它的网络路径；节点本身可能仍在运行。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="316" />
        <source>Install the release that implements the upgrade and restart the node on its data.</source>
        <translation>安装实现该升级的版本，并在原数据上重启节点。</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="329" />
        <source>Analysis</source>
        <translation>故障分析</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="329" />
        <source>Analysis (%1)</source>
        <translation>故障分析（%1）</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="345" />
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="350" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="355" />
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="357" />
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="358" />
        <source>Best peer height</source>
        <translation>对等节点最高高度</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="359" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="360" />
        <source>View changes</source>
        <translation>视图切换次数</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="361" />
        <source>Protocol version</source>
        <translation>协议版本</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="362" />
        <source>Validators</source>
        <translation>验证节点数</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="363" />
        <source>Mempool</source>
        <translation>交易池</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="364" />
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="365" />
        <source>Active faults</source>
        <translation>生效的故障</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="369" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>unreachable: %1</source>
        <translation>不可达：%1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="380" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="380" />
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesModel</name>
    <message>
        <location filename="../app/nodes_model.cpp" line="16" />
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="17" />
        <source>lagging</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="18" />
        <source>halted</source>
        <translation>已停机</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="19" />
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="50" />
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="50" />
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="73" />
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="74" />
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="75" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="76" />
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="77" />
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="78" />
        <source>Lag</source>
        <translation>落后块数</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="79" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="80" />
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="81" />
        <source>Peers</source>
        <translation>对等连接</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="82" />
        <source>Mempool</source>
        <translation>交易池</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="83" />
        <source>Last block</source>
        <translation>最新区块时间</translation>
    </message>
</context>
<context>
    <name>consortia::console::TopologyView</name>
    <message>
        <location filename="../app/topology_view.cpp" line="115" />
        <source>%1 ↔ %2: RTT %3 ms, loss %4%%5</source>
        <translation>%1 ↔ %2：往返时延 %3 毫秒，丢包 %4%%5</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="119" />
        <source>, fault: %1</source>
        <translation>，故障：%1</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="138" />
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1（%2）
%3，区块高度 %4，视图 %5%6</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="143" />
        <source>
leader</source>
        <translation>
主节点</translation>
    </message>
</context>
</TS>