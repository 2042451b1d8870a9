<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="53" />
        <location filename="../app/main.cpp" line="61" />
        <location filename="../app/main.cpp" line="69" />
        <source>Consortia</source>
        <translation>Consortia</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="54" />
        <source>Cannot start the sandbox network (%1): %2</source>
        <translation>Cannot start the sandbox network (%1): %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="62" />
        <source>Cannot read the network in %1: %2</source>
        <translation>Cannot read the network in %1: %2</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="134" />
        <source>Consortia — %1</source>
        <translation>Consortia — %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="135" />
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="136" />
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="137" />
        <source>Node detail</source>
        <translation>Node detail</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="138" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="139" />
        <source>Filter by node, organisation, role or health</source>
        <translation>Filter by node, organisation, role or health</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="140" />
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="143" />
        <source>Fault rule</source>
        <translation>Fault rule</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="162" />
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="167" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="168" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="181" />
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="186" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="191" />
        <source>Node id</source>
        <translation>Node id</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="192" />
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="193" />
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="194" />
        <source>Best peer height</source>
        <translation>Best peer height</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="195" />
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="196" />
        <source>View changes</source>
        <translation>View changes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="197" />
        <source>Protocol version</source>
        <translation>Protocol version</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="198" />
        <source>Validators</source>
        <translation>Validators</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="199" />
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="200" />
        <source>API address</source>
        <translation>API address</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="201" />
        <source>unreachable: %1</source>
        <translation>unreachable: %1</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="210" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="210" />
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
        <location filename="../app/topology_view.cpp" line="112" />
        <source>%1 ↔ %2: RTT %3 ms%4</source>
        <translation>%1 ↔ %2: RTT %3 ms%4</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="115" />
        <source>, fault: %1</source>
        <translation>, fault: %1</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="134" />
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1 (%2)
%3, height %4, view %5%6</translation>
    </message>
    <message>
        <location filename="../app/topology_view.cpp" line="139" />
        <source>
leader</source>
        <translation>
leader</translation>
    </message>
</context>
</TS>