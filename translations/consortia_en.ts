<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="66" />
        <location filename="../app/main.cpp" line="74" />
        <location filename="../app/main.cpp" line="82" />
        <source>Consortia</source>
        <translation>Consortia</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="67" />
        <source>Cannot start the sandbox network (%1): %2</source>
        <translation>Cannot start the sandbox network (%1): %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="75" />
        <source>Cannot read the network in %1: %2</source>
        <translation>Cannot read the network in %1: %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="183" />
        <source>History is off: %1</source>
        <translation>History is off: %1</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="195" />
        <source>No operator certificate for %1: the console can only watch this node.</source>
        <translation>No operator certificate for %1: the console can only watch this node.</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="216" />
        <source>Applied “%1” on %2</source>
        <translation>Applied “%1” on %2</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="217" />
        <source>Could not apply “%1” on %2: %3</source>
        <translation>Could not apply “%1” on %2: %3</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="228" />
        <source>Cleared the faults on %1</source>
        <translation>Cleared the faults on %1</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="229" />
        <source>Could not clear the faults on %1: %2</source>
        <translation>Could not clear the faults on %1: %2</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="255" />
        <source>Partitioned %1 from the rest</source>
        <translation>Partitioned %1 from the rest</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="256" />
        <source>The partition is incomplete: %1</source>
        <translation>The partition is incomplete: %1</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="269" />
        <source>Cleared all faults on every node</source>
        <translation>Cleared all faults on every node</translation>
    </message>
    <message>
        <location filename="../app/collector.cpp" line="270" />
        <source>Some faults remain: %1</source>
        <translation>Some faults remain: %1</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../app/reasons.cpp" line="13" />
        <source>Invalid input</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="14" />
        <source>Malformed data</source>
        <translation>Malformed data</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="15" />
        <source>Unsupported version or feature</source>
        <translation>Unsupported version or feature</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="16" />
        <source>Too large</source>
        <translation>Too large</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="17" />
        <source>Bad signature</source>
        <translation>Bad signature</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="18" />
        <source>Bad certificate</source>
        <translation>Bad certificate</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="19" />
        <source>Invalid block</source>
        <translation>Invalid block</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="20" />
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="21" />
        <source>Nonce already used</source>
        <translation>Nonce already used</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="22" />
        <source>Nonce too far ahead</source>
        <translation>Nonce too far ahead</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="23" />
        <source>Transaction pool full</source>
        <translation>Transaction pool full</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="24" />
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="25" />
        <source>Storage or system error</source>
        <translation>Storage or system error</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="26" />
        <source>Stored data damaged</source>
        <translation>Stored data damaged</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="27" />
        <source>Not authorised</source>
        <translation>Not authorised</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="28" />
        <source>Proposal expired</source>
        <translation>Proposal expired</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="29" />
        <source>Would leave the live validators short of a quorum</source>
        <translation>Would leave the live validators short of a quorum</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="30" />
        <source>Would leave fewer than 4 validators</source>
        <translation>Would leave fewer than 4 validators</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="31" />
        <source>Conflicts with the chain's state</source>
        <translation>Conflicts with the chain's state</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="32" />
        <source>Too late or too soon for this height</source>
        <translation>Too late or too soon for this height</translation>
    </message>
    <message>
        <location filename="../app/reasons.cpp" line="33" />
        <source>Not available in this protocol version</source>
        <translation>Not available in this protocol version</translation>
    </message>
</context>
<context>
    <name>consortia::console::ChartsView</name>
    <message>
        <location filename="../app/charts_view.cpp" line="44" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="74" />
        <source>Block height per node</source>
        <translation>Block height per node</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="74" />
        <source>height</source>
        <translation>height</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="76" />
        <source>View changes per node (cumulative)</source>
        <translation>View changes per node (cumulative)</translation>
    </message>
    <message>
        <location filename="../app/charts_view.cpp" line="76" />
        <source>view changes</source>
        <translation>view changes</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="147" />
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="148" />
        <source>Apply network fault</source>
        <translation>Apply network fault</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="151" />
        <source>Clear faults</source>
        <translation>Clear faults</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="157" />
        <source>Partition the selected nodes from the rest</source>
        <translation>Partition the selected nodes from the rest</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="159" />
        <source>Clear all faults on every node</source>
        <translation>Clear all faults on every node</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="199" />
        <source>Consortia — %1</source>
        <translation>Consortia — %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="200" />
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <location filename="../app/main_window.cpp" line="204" />
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="202" />
        <source>Node detail</source>
        <translation>Node detail</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="203" />
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="204" />
        <source>Suggested action</source>
        <translation>Suggested action</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="206" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="207" />
        <source>Filter by node, organisation, role or health</source>
        <translation>Filter by node, organisation, role or health</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="208" />
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Fault rule</source>
        <translation>Fault rule</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="212" />
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="213" />
        <source>Network fault on this node's links:</source>
        <translation>Network fault on this node's links:</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="214" />
        <source>netem words, e.g. delay 100ms 20ms loss 1%</source>
        <translation>netem words, e.g. delay 100ms 20ms loss 1%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="215" />
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="216" />
        <source>Clear all faults</source>
        <translation>Clear all faults</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="236" />
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="241" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="242" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="249" />
        <source>Rate limit 2048 kbit/s</source>
        <translation>Rate limit 2048 kbit/s</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="250" />
        <source>Delay 1000 ms ± 300 ms (30% correlated)</source>
        <translation>Delay 1000 ms ± 300 ms (30% correlated)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="251" />
        <source>Loss 10%</source>
        <translation>Loss 10%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="252" />
        <source>Duplicate 1%</source>
        <translation>Duplicate 1%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="253" />
        <source>Corrupt 0.2%</source>
        <translation>Corrupt 0.2%</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="254" />
        <source>Custom rule…</source>
        <translation>Custom rule…</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="265" />
        <source>Failed: </source>
        <translation>Failed: </translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="272" />
        <source>Fork</source>
        <translation>Fork</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="273" />
        <source>Lagging node</source>
        <translation>Lagging node</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="274" />
        <source>View-change storm</source>
        <translation>View-change storm</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="275" />
        <source>Agent unreachable</source>
        <translation>Agent unreachable</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="276" />
        <source>Node halted</source>
        <translation>Node halted</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="281" />
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="292" />
        <source>block hashes differ from height %1; all agree at %2</source>
        <translation>block hashes differ from height %1; all agree at %2</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="293" />
        <source>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</source>
        <translation>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="297" />
        <source>behind by %1 blocks: it has no connected peers</source>
        <translation>behind by %1 blocks: it has no connected peers</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="299" />
        <source>behind by %1 blocks: its peers are behind too (best peer height %2)</source>
        <translation>behind by %1 blocks: its peers are behind too (best peer height %2)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="300" />
        <source>behind by %1 blocks: syncing from peers at height %2</source>
        <translation>behind by %1 blocks: syncing from peers at height %2</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="301" />
        <source>Check its network, firewall and certificates; its log says why peers refuse it.</source>
        <translation>Check its network, firewall and certificates; its log says why peers refuse it.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="302" />
        <source>Its sync sources are slow or partitioned: check the links of its organisation.</source>
        <translation>Its sync sources are slow or partitioned: check the links of its organisation.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="303" />
        <source>Watch that the gap closes; if not, check its disk and CPU.</source>
        <translation>Watch that the gap closes; if not, check its disk and CPU.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="306" />
        <source>%1 view changes per minute</source>
        <translation>%1 view changes per minute</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="307" />
        <source>; suspected: %1</source>
        <translation>; suspected: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="308" />
        <source>Look for a leader that is down or slow and for lossy links around it.</source>
        <translation>Look for a leader that is down or slow and for lossy links around it.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="311" />
        <source>the agent did not answer: %1</source>
        <translation>the agent did not answer: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="312" />
        <source>Check the agent process and the network path to it; the node itself may still run.</source>
        <translation>Check the agent process and the network path to it; the node itself may still run.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="316" />
        <source>Install the release that implements the upgrade and restart the node on its data.</source>
        <translation>Install the release that implements the upgrade and restart the node on its data.</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="329" />
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="329" />
        <source>Analysis (%1)</source>
        <translation>Analysis (%1)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="345" />
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="350" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="355" />
        <source>Node id</source>
        <translation>Node id</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="356" />
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="357" />
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="358" />
        <source>Best peer height</source>
        <translation>Best peer height</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="359" />
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="360" />
        <source>View changes</source>
        <translation>View changes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="361" />
        <source>Protocol version</source>
        <translation>Protocol version</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="362" />
        <source>Validators</source>
        <translation>Validators</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="363" />
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="364" />
        <source>API address</source>
        <translation>API address</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="365" />
        <source>Active faults</source>
        <translation>Active faults</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="369" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="371" />
        <source>unreachable: %1</source>
        <translation>unreachable: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="380" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="380" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesModel</name>
    <message>
        <location filename="../app/nodes_model.cpp" line="16" />
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="17" />
        <source>lagging</source>
        <translation>lagging</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="18" />
        <source>halted</source>
        <translation>halted</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="19" />
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="50" />
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="50" />
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="73" />
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="74" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="75" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="76" />
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="77" />
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="78" />
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="79" />
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="80" />
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="81" />
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="82" />
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
    <message>
        <location filename="../app/nodes_model.cpp" line="83" />
        <source>Last block</source>
        <translation>Last block</translation>
    </message>
</context>
<context>
    <name>consortia::console::TopologyView</name>
    <message>
        <location filename="../app/topology_view.cpp" line="115" />
        <source>%1 ↔ %2: RTT %3 ms, loss %4%%5</source>
        <translation>%1 ↔ %2: RTT %3 ms, loss %4%%5</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="119" />
        <source>, fault: %1</source>
        <translation>, fault: %1</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="138" />
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1 (%2)
%3, height %4, view %5%6</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="143" />
        <source>
leader</source>
        <translation>
leader</translation>
    </message>
</context>
</TS>