<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="53" />
        <location filename="../app/main.cpp" line="61" />
        <location filename="../app/main.cpp" line="69" />
        <source>Consortia</source>
        <translation>Consortia 联盟链运维台</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="54" />
        <source>Cannot start the sandbox network (%1): %2</source>
        <translation>无法启动沙箱网络（%1）：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="62" />
        <source>Cannot read the network in %1: %2</source>
        <translation>无法读取 %1 中的网络：%2</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="134" />
        <source>Consortia — %1</source>
        <translation>Consortia 联盟链运维台 — %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="135" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="136" />
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="137" />
        <source>Node detail</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="138" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="139" />
        <source>Filter by node, organisation, role or health</source>
        <translation>按节点、机构、角色或健康状态筛选</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="140" />
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● 验证节点   ■ 观察节点   金色外圈：主节点   颜色：绿色 已同步，橙色 落后，紫色 已停机，红色 不可达   连线：往返时延 绿色 &lt; 50 毫秒，橙色 &lt; 200 毫秒，红色 更高；虚线：断开，点线：已注入故障规则   滚轮：缩放，拖动：平移，双击：节点详情</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Peer</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>RTT (ms)</source>
        <translation>往返时延（毫秒）</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Sent</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Received</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Fault rule</source>
        <translation>故障规则</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="162" />
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>共 %1 个节点，%2 个可达，%3 个已同步 · 区块高度 %4 · 主节点 %5 · 更新于 %6</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="167" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="168" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="181" />
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="186" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="191" />
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="193" />
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="194" />
        <source>Best peer height</source>
        <translation>对等节点最高高度</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="195" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="196" />
        <source>View changes</source>
        <translation>视图切换次数</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="197" />
        <source>Protocol version</source>
        <translation>协议版本</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="198" />
        <source>Validators</source>
        <translation>验证节点数</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="199" />
        <source>Mempool</source>
        <translation>交易池</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="200" />
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>unreachable: %1</source>
        <translation>不可达：%1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="210" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="210" />
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
        <location filename="../app/topology_view.cpp" line="112" />
        <source>%1 ↔ %2: RTT %3 ms%4</source>
        <translation>%1 ↔ %2：往返时延 %3 毫秒%4</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="115" />
        <source>, fault: %1</source>
        <translation>，故障：%1</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="134" />
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1（%2）
%3，区块高度 %4，视图 %5%6</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="139" />
        <source>
leader</source>
        <translation>
主节点</translation>
    </message>
</context>
</TS>