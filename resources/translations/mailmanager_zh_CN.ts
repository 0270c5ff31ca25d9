<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AccountModel</name>
        <message>
            <source>Mailbox</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last checked</source>
            <translation>上次检测</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>授权码</translation>
        </message>
        <message>
            <source>The mailbox address and its provider</source>
            <translation>邮箱地址及其服务商</translation>
        </message>
        <message>
            <source>The most serious state; hover a badge to see all</source>
            <translation>显示最严重的状态；鼠标悬停在标记上可查看全部</translation>
        </message>
        <message>
            <source>When the last login test ran</source>
            <translation>上次登录检测的时间</translation>
        </message>
        <message>
            <source>When the authorization code expires and how old it is</source>
            <translation>授权码何时过期、已创建多久</translation>
        </message>
        <message>
            <source>Code label: %1</source>
            <translation>授权码用途：%1</translation>
        </message>
        <message>
            <source>%1 checked %2: %3</source>
            <translation>%1 检测于 %2：%3</translation>
        </message>
        <message>
            <source>This mailbox has not been checked yet.</source>
            <translation>此邮箱尚未检测。</translation>
        </message>
        <message>
            <source>Created on %1</source>
            <translation>创建于 %1</translation>
        </message>
        <message>
            <source>The code %1 was created on %2</source>
            <translation>授权码“%1”创建于 %2</translation>
        </message>
        <message>
            <source>Expires on %1</source>
            <translation>有效期至 %1</translation>
        </message>
        <message>
            <source>The code %1 expires on %2</source>
            <translation>授权码“%1”有效期至 %2</translation>
        </message>
        <message>
            <source>No dates are known for this code.</source>
            <translation>此授权码的日期未知。</translation>
        </message>
    </context>
    <context>
        <name>AddCodeDialog</name>
        <message>
            <source>Add a code for another client</source>
            <translation>为其他客户端添加授权码</translation>
        </message>
        <message>
            <source>Make a new code in the web settings for the program or device that will use it (the sending platform, Foxmail, Thunderbird, a phone), and record it here under that client's name.</source>
            <translation>在网页版设置中为要使用它的程序或设备（发信平台、Foxmail、Thunderbird、手机等）新建一个授权码，并以该客户端的名字记录在这里。</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>for example Foxmail, or the sending platform</source>
            <translation>例如 Foxmail，或发信平台</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Open the &amp;web settings</source>
            <translation>打开网页版设置(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>用途(&amp;M)：</translation>
        </message>
        <message>
            <source>C&amp;ode:</source>
            <translation>授权码(&amp;O)：</translation>
        </message>
        <message>
            <source>E&amp;xpiry:</source>
            <translation>有效期(&amp;X)：</translation>
        </message>
        <message>
            <source>&amp;Keep the code in the keyring, to copy it into the client later</source>
            <translation>把授权码保存在密钥环中，以便之后复制到该客户端(&amp;K)</translation>
        </message>
        <message>
            <source>C&amp;heck that it works (one login to each server)</source>
            <translation>检测是否可用(&amp;H)（每台服务器登录一次）</translation>
        </message>
        <message>
            <source>&amp;Add the code</source>
            <translation>添加授权码(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message numerus="yes">
            <source>This mailbox already has %n active code(s); the provider allows %1 at a time. Revoke one you no longer use first, or the provider may refuse the new one.</source>
            <translation>
                <numerusform>此邮箱已有 %n 个有效授权码；服务商同一时间只允许 %1 个。请先停用一个不再使用的，否则服务商可能拒绝新的授权码。</numerusform>
            </translation>
        </message>
        <message>
            <source>(This limit is not confirmed by the provider.)</source>
            <translation>（此上限未经服务商确认。）</translation>
        </message>
        <message>
            <source>A label is required: the client the code is for.</source>
            <translation>必须填写用途：这个授权码给哪个客户端用。</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled %1.</source>
            <translation>此邮箱已有用途为“%1”的授权码。</translation>
        </message>
        <message>
            <source>The mailbox's servers wait for your confirmation: confirm them in the main window first, or add the code without checking it.</source>
            <translation>此邮箱的服务器还在等待你确认：请先在主窗口中确认，或不检测直接添加授权码。</translation>
        </message>
        <message>
            <source>Checking the code…</source>
            <translation>正在检测授权码…</translation>
        </message>
        <message>
            <source>The login with this code did not succeed; nothing was added.</source>
            <translation>用这个授权码登录未成功，未添加任何内容。</translation>
        </message>
    </context>
    <context>
        <name>AddressPage</name>
        <message>
            <source>Which mailbox do you want to add?</source>
            <translation>要添加哪个邮箱？</translation>
        </message>
        <message>
            <source>Type the full e-mail address. mailmanager looks up the provider and its server settings for you.</source>
            <translation>请输入完整的邮箱地址，邮箱授权码管家会自动查找服务商及其服务器设置。</translation>
        </message>
        <message>
            <source>for example name@163.com</source>
            <translation>例如 name@163.com</translation>
        </message>
        <message>
            <source>optional, for example Work or Sales</source>
            <translation>选填，例如“工作”或“销售”</translation>
        </message>
        <message>
            <source>E-mail address:</source>
            <translation>邮箱地址：</translation>
        </message>
        <message>
            <source>Name in the list:</source>
            <translation>显示名称：</translation>
        </message>
        <message>
            <source>Looking up the server settings…</source>
            <translation>正在查找服务器设置…</translation>
        </message>
        <message>
            <source>Stop looking</source>
            <translation>停止查找</translation>
        </message>
        <message>
            <source>Not right? Choose the provider or enter the servers yourself</source>
            <translation>不对？手动选择服务商或填写服务器</translation>
        </message>
        <message>
            <source>I need to create a NetEase mailbox first</source>
            <translation>我需要先注册一个网易邮箱</translation>
        </message>
        <message>
            <source>An address cannot contain spaces.</source>
            <translation>邮箱地址不能包含空格。</translation>
        </message>
        <message>
            <source>The address needs an @, as in name@163.com.</source>
            <translation>邮箱地址要包含 @，例如 name@163.com。</translation>
        </message>
        <message>
            <source>Something must come before the @.</source>
            <translation>@ 前面不能为空。</translation>
        </message>
        <message>
            <source>After the @ comes the domain, for example 163.com or qq.com.</source>
            <translation>@ 后面应是域名，例如 163.com 或 qq.com。</translation>
        </message>
        <message>
            <source>This does not look like a valid e-mail address.</source>
            <translation>这看起来不是有效的邮箱地址。</translation>
        </message>
        <message>
            <source>Choose the provider…</source>
            <translation>选择服务商…</translation>
        </message>
        <message>
            <source>Other: I will enter the servers myself</source>
            <translation>其他：我自己填写服务器</translation>
        </message>
        <message>
            <source>Chosen by you.</source>
            <translation>由你手动选择。</translation>
        </message>
        <message>
            <source>Recognised from the address (built-in provider list).</source>
            <translation>根据邮箱地址识别（内置服务商列表）。</translation>
        </message>
        <message>
            <source>From a provider file you imported.</source>
            <translation>来自你导入的服务商配置文件。</translation>
        </message>
        <message>
            <source>Recognised from the domain's mail servers (MX records).</source>
            <translation>根据该域名的邮件服务器（MX 记录）识别。</translation>
        </message>
        <message>
            <source>Found in the domain's DNS service records (SRV).</source>
            <translation>在该域名的 DNS 服务记录（SRV）中找到。</translation>
        </message>
        <message>
            <source>From the domain's own setup file (autoconfig).</source>
            <translation>来自该域名自己的配置文件（autoconfig）。</translation>
        </message>
        <message>
            <source>Guessed from common server names. Please check them on the servers page.</source>
            <translation>根据常见的服务器名称推测，请在服务器设置页核对。</translation>
        </message>
        <message>
            <source>Servers entered by hand</source>
            <translation>手动填写服务器</translation>
        </message>
        <message>
            <source>Provider not recognised</source>
            <translation>未能识别服务商</translation>
        </message>
        <message>
            <source>No settings were found for this domain. Choose the provider below, or enter the servers yourself on a later page.</source>
            <translation>没有找到该域名的设置。请在下方选择服务商，或在后面的页面中自己填写服务器。</translation>
        </message>
        <message>
            <source>Receiving (IMAP): %1 · Sending (SMTP): %2</source>
            <translation>收信（IMAP）：%1 · 发信（SMTP）：%2</translation>
        </message>
        <message>
            <source>Choose the provider from the list, or enter the servers yourself</source>
            <translation>从列表中选择服务商，或自己填写服务器</translation>
        </message>
        <message>
            <source>Fix this mailbox</source>
            <translation>修复此邮箱</translation>
        </message>
        <message>
            <source>Check the steps and settings again; nothing changes until a test passes.</source>
            <translation>请重新核对步骤和设置；测试通过之前，不会做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>mailmanager cannot use the folder %1 for its data and logs (%2). Check that it is a folder you can write to, or start mailmanager with another --home folder.</source>
            <translation>邮箱授权码管家无法使用文件夹 %1 存放数据和日志（%2）。请确认它是一个你有写入权限的文件夹，或用 --home 指定另一个文件夹启动邮箱授权码管家。</translation>
        </message>
        <message>
            <source>mailmanager cannot start</source>
            <translation>邮箱授权码管家无法启动</translation>
        </message>
    </context>
    <context>
        <name>AppleMailSettings</name>
        <message>
            <source>Account type</source>
            <translation>账户类型</translation>
        </message>
        <message>
            <source>Email Address</source>
            <translation>电子邮件地址</translation>
        </message>
        <message>
            <source>User Name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>（授权码，单独复制）</translation>
        </message>
        <message>
            <source>Incoming Mail Server</source>
            <translation>收件服务器</translation>
        </message>
        <message>
            <source>Outgoing Mail Server</source>
            <translation>发件服务器</translation>
        </message>
        <message>
            <source>Server settings, incoming</source>
            <translation>服务器设置：收件</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Use TLS/SSL</source>
            <translation>使用 TLS/SSL</translation>
        </message>
        <message>
            <source>Authentication</source>
            <translation>鉴定</translation>
        </message>
        <message>
            <source>Server settings, outgoing</source>
            <translation>服务器设置：发件</translation>
        </message>
    </context>
    <context>
        <name>BackgroundControls</name>
        <message>
            <source>Could not check %1: its code is not in the system keyring. Enter it again with Replace code.</source>
            <translation>无法检测 %1：系统密钥环中找不到它的授权码。请用“更换授权码”重新填入。</translation>
        </message>
        <message>
            <source>Could not check %1: something went wrong; the log has the details.</source>
            <translation>无法检测 %1：出现了意外错误，详情见日志。</translation>
        </message>
        <message>
            <source>Offline: no mail server could be reached. Checks are paused until the network is back; the mailboxes keep their last results.</source>
            <translation>已离线：无法连接任何邮件服务器。检测已暂停，网络恢复后继续；各邮箱保留上次的结果。</translation>
        </message>
        <message>
            <source>Back online: checks resume.</source>
            <translation>网络已恢复，检测继续。</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>Check every</source>
            <translation>检测频率</translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>每 %n 小时</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep running in the tray when closed</source>
            <translation>关闭窗口后在托盘中继续运行</translation>
        </message>
        <message>
            <source>This desktop has no system tray.</source>
            <translation>当前桌面环境没有系统托盘。</translation>
        </message>
        <message>
            <source>Start mailmanager when I log in</source>
            <translation>登录系统时自动启动邮箱授权码管家</translation>
        </message>
        <message>
            <source>mailmanager</source>
            <translation>邮箱授权码管家</translation>
        </message>
        <message>
            <source>Starting at login could not be changed: %1</source>
            <translation>无法更改“登录时自动启动”设置：%1</translation>
        </message>
        <message>
            <source>mailmanager keeps running</source>
            <translation>邮箱授权码管家仍在运行</translation>
        </message>
        <message>
            <source>Checks go on in the background. Open mailmanager from the tray icon; quit it from the tray menu or with Ctrl+Q.</source>
            <translation>检测会在后台继续进行。可以从托盘图标打开邮箱授权码管家；要退出，请使用托盘菜单或按 Ctrl+Q。</translation>
        </message>
    </context>
    <context>
        <name>BulkActions</name>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>……另有 %n 个</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Paused checks of %n mailbox(es).</source>
            <translation>
                <numerusform>已暂停 %n 个邮箱的检测。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Resumed checks of %n mailbox(es).</source>
            <translation>
                <numerusform>已恢复 %n 个邮箱的检测。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %n mailbox(es) to “%1”.</source>
            <translation>
                <numerusform>已将 %n 个邮箱移到“%1”。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Took %n mailbox(es) out of their group.</source>
            <translation>
                <numerusform>已将 %n 个邮箱移出分组。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Settings of %n mailbox(es) copied to the clipboard.</source>
            <translation>
                <numerusform>已将 %n 个邮箱的设置复制到剪贴板。</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove mailboxes</source>
            <translation>删除邮箱</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n mailbox(es) from mailmanager?</source>
            <translation>
                <numerusform>要从邮箱授权码管家中删除 %n 个邮箱吗？</numerusform>
            </translation>
        </message>
        <message>
            <source>Their settings, their check history and their codes in the keyring will be deleted from this computer. The codes themselves still work until you revoke them: the next window links to each provider's web settings.</source>
            <translation>这些邮箱的设置、检测记录和密钥环中的授权码将从本机删除。授权码本身在你撤销之前仍然有效：下一个窗口会给出各服务商网页设置的链接。</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Remove %n mailbox(es)</source>
            <translation>
                <numerusform>删除 %n 个邮箱(&amp;R)</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message numerus="yes">
            <source>Removed %n mailbox(es).</source>
            <translation>
                <numerusform>已删除 %n 个邮箱。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es)</source>
            <translation>
                <numerusform>%n 个邮箱</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) whose web settings mailmanager does not know: sign in to their webmail.</source>
            <translation>
                <numerusform>%n 个邮箱的网页设置地址未知：请登录其网页邮箱。</numerusform>
            </translation>
        </message>
        <message>
            <source>Revoke the codes</source>
            <translation>撤销授权码</translation>
        </message>
        <message>
            <source>The removed mailboxes' codes still work until you revoke them. Sign in to each mailbox's web settings and delete the authorization code made for this client:</source>
            <translation>已删除邮箱的授权码在撤销之前仍然有效。请登录每个邮箱的网页设置，删除为本客户端生成的授权码：</translation>
        </message>
    </context>
    <context>
        <name>CheckSteps</name>
        <message>
            <source>Authenticating for sending</source>
            <translation>发信身份验证</translation>
        </message>
        <message>
            <source>Connecting to the server</source>
            <translation>连接服务器</translation>
        </message>
        <message>
            <source>Setting up encryption (TLS)</source>
            <translation>建立加密连接（TLS）</translation>
        </message>
        <message>
            <source>Logging in with the code</source>
            <translation>用授权码登录</translation>
        </message>
        <message>
            <source>Identifying the app to the server (ID)</source>
            <translation>向服务器表明客户端身份（ID）</translation>
        </message>
        <message>
            <source>Opening the inbox (read-only)</source>
            <translation>打开收件箱（只读）</translation>
        </message>
        <message>
            <source>Checking that mail may be sent from this address</source>
            <translation>检查能否用此地址发信</translation>
        </message>
        <message>
            <source>Took %1 s</source>
            <translation>用时 %1 秒</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
    </context>
    <context>
        <name>ClientSettings</name>
        <message>
            <source>Any mail client</source>
            <translation>任意邮件客户端</translation>
        </message>
        <message>
            <source>Apple Mail (Mac, iPhone, iPad)</source>
            <translation>Apple 邮件（Mac、iPhone、iPad）</translation>
        </message>
        <message>
            <source>A phone's mail app (Android)</source>
            <translation>手机自带的邮件应用（安卓）</translation>
        </message>
        <message>
            <source>A sending platform (CSV columns)</source>
            <translation>发信平台（CSV 列）</translation>
        </message>
        <message>
            <source>Password: the authorization code made for this client in the mailbox's web settings, not the login password (copied on its own).</source>
            <translation>密码：在邮箱网页设置中为这个客户端生成的授权码，不是登录密码（单独复制）。</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Incoming mail (IMAP)</source>
            <translation>收信（IMAP）</translation>
        </message>
        <message>
            <source>Outgoing mail (SMTP)</source>
            <translation>发信（SMTP）</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Security</source>
            <translation>加密方式</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
    </context>
    <context>
        <name>CodeDates</name>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>%n 天后</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
        <message>
            <source>No expiry date</source>
            <translation>长期有效</translation>
        </message>
        <message numerus="yes">
            <source>Expires in %n day(s)</source>
            <translation>
                <numerusform>%n 天后过期</numerusform>
            </translation>
        </message>
        <message>
            <source>Expires today</source>
            <translation>今天过期</translation>
        </message>
        <message numerus="yes">
            <source>Expired %n day(s) ago</source>
            <translation>
                <numerusform>已过期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Creation date unknown</source>
            <translation>创建日期未知</translation>
        </message>
        <message>
            <source>Created today</source>
            <translation>今天创建</translation>
        </message>
        <message numerus="yes">
            <source>Created %n day(s) ago</source>
            <translation>
                <numerusform>%n 天前创建</numerusform>
            </translation>
        </message>
        <message>
            <source>Rotation due</source>
            <translation>该更换了</translation>
        </message>
        <message numerus="yes">
            <source>Rotation in %n day(s)</source>
            <translation>
                <numerusform>%n 天后该更换</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CodeEditDialog</name>
        <message>
            <source>Edit the code %1</source>
            <translation>编辑授权码 %1</translation>
        </message>
        <message>
            <source>Which device, who uses it…</source>
            <translation>哪台设备、谁在用…</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>用途(&amp;M)：</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>备注(&amp;N)：</translation>
        </message>
        <message>
            <source>E&amp;xpiry:</source>
            <translation>有效期(&amp;X)：</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>创建于：</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>A label is required: the client the code is for.</source>
            <translation>必须填写用途：这个授权码给哪个客户端用。</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled %1.</source>
            <translation>此邮箱已有用途为“%1”的授权码。</translation>
        </message>
        <message>
            <source>The expiry date is before the code was created (%1).</source>
            <translation>到期日早于授权码的创建日期（%1）。</translation>
        </message>
    </context>
    <context>
        <name>CodeInventoryDialog</name>
        <message>
            <source>Providers advise one code per client: a separate code for every program or device, so you can revoke one without breaking the others. Keep track of them here.</source>
            <translation>服务商建议一个客户端一个授权码：每个程序或设备单独使用一个，这样停用其中一个不会影响其他。在这里记录它们。</translation>
        </message>
        <message>
            <source>You compared the list in the web settings with this one today.</source>
            <translation>你今天已将网页版设置中的列表与此列表核对过。</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Made for</source>
            <translation>用途</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建日期</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Last proven</source>
            <translation>最近验证</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>授权码内容</translation>
        </message>
        <message>
            <source>The code only</source>
            <translation>仅授权码</translation>
        </message>
        <message>
            <source>Settings for a client, then the code…</source>
            <translation>客户端的设置，然后是授权码…</translation>
        </message>
        <message>
            <source>One login to each server. Providers count logins, so only on request.</source>
            <translation>每台服务器登录一次。服务商会统计登录次数，所以只在你要求时检测。</translation>
        </message>
        <message>
            <source>mailmanager checks the mailbox with this code.</source>
            <translation>邮箱授权码管家用这个授权码检测邮箱。</translation>
        </message>
        <message>
            <source>Change the code's label, note or expiry date.</source>
            <translation>修改授权码的标签、备注或到期日。</translation>
        </message>
        <message>
            <source>Open the &amp;web settings</source>
            <translation>打开网页版设置(&amp;W)</translation>
        </message>
        <message>
            <source>Audi&amp;t done</source>
            <translation>已核对(&amp;T)</translation>
        </message>
        <message>
            <source>Audit &amp;every</source>
            <translation>核对周期(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Add a code for another client…</source>
            <translation>为其他客户端添加授权码(&amp;A)…</translation>
        </message>
        <message>
            <source>Co&amp;py to a client</source>
            <translation>复制到客户端(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Check this code</source>
            <translation>检测此授权码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Use it for checks</source>
            <translation>用于检测(&amp;U)</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>编辑(&amp;I)…</translation>
        </message>
        <message>
            <source>I &amp;disabled this code…</source>
            <translation>我已停用此授权码(&amp;D)…</translation>
        </message>
        <message>
            <source>I c&amp;hanged my web password or switched IMAP off…</source>
            <translation>我改了网页登录密码或关闭了 IMAP(&amp;H)…</translation>
        </message>
        <message>
            <source>C&amp;lose</source>
            <translation>关闭(&amp;L)</translation>
        </message>
        <message>
            <source>Make a &amp;new code for mailmanager…</source>
            <translation>为邮箱授权码管家新建授权码(&amp;N)…</translation>
        </message>
        <message>
            <source>Codes of %1</source>
            <translation>%1 的授权码</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>No expiry</source>
            <translation>长期有效</translation>
        </message>
        <message>
            <source>Not proven</source>
            <translation>未验证</translation>
        </message>
        <message>
            <source>Kept in the keyring</source>
            <translation>已存入密钥环</translation>
        </message>
        <message>
            <source>Not kept</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>使用中</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Invalidated</source>
            <translation>已失效</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Revoked on %1</source>
            <translation>%1 已停用</translation>
        </message>
        <message>
            <source>%1 (mailmanager checks with it)</source>
            <translation>%1（邮箱授权码管家用它检测）</translation>
        </message>
        <message>
            <source>Never compared with the provider's list yet.</source>
            <translation>还从未与服务商的列表核对过。</translation>
        </message>
        <message>
            <source>Last compared on %1.</source>
            <translation>上次核对：%1。</translation>
        </message>
        <message>
            <source>Time to compare with the provider's list</source>
            <translation>该与服务商的列表核对了</translation>
        </message>
        <message>
            <source>the provider's web settings</source>
            <translation>服务商的网页版设置</translation>
        </message>
        <message>
            <source>Open %1, compare its list of authorized clients with the list below, disable the codes nobody uses any more and mark them here, then click Audit done.</source>
            <translation>打开 %1，将其中已授权的客户端列表与下面的列表核对，停用不再使用的授权码并在这里标记，然后点击“已核对”。</translation>
        </message>
        <message numerus="yes">
            <source>The provider allows %1 active code(s) at a time; this mailbox has %n.</source>
            <translation>
                <numerusform>服务商同一时间允许 %1 个有效授权码；此邮箱现有 %n 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>(This limit is not confirmed by the provider.)</source>
            <translation>（此上限未经服务商确认。）</translation>
        </message>
        <message>
            <source>Not proven for a long time: %1</source>
            <translation>长期未验证：%1</translation>
        </message>
        <message>
            <source>If you no longer use these clients, disable their codes in the web settings and mark them revoked here.</source>
            <translation>如果你已不再使用这些客户端，请在网页版设置中停用它们的授权码，并在这里标记为已停用。</translation>
        </message>
        <message>
            <source>Audit recorded.</source>
            <translation>已记录核对。</translation>
        </message>
        <message>
            <source>Audit interval saved.</source>
            <translation>已保存核对周期。</translation>
        </message>
        <message>
            <source>Added the code %1.</source>
            <translation>已添加授权码“%1”。</translation>
        </message>
        <message>
            <source>Saved the code %1.</source>
            <translation>已保存授权码 %1。</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Mark the code %1 as revoked? Do this once you have disabled it in the web settings; mailmanager then forgets its value.</source>
            <translation>将授权码“%1”标记为已停用？请先在网页版设置中停用它再标记；标记后，邮箱授权码管家会删除本机保存的这个授权码。</translation>
        </message>
        <message>
            <source>mailmanager checks the mailbox with this code: it will need a new one.</source>
            <translation>邮箱授权码管家正用这个授权码检测邮箱：之后需要一个新的授权码。</translation>
        </message>
        <message>
            <source>Revoke a code</source>
            <translation>停用授权码</translation>
        </message>
        <message>
            <source>&amp;Mark as revoked</source>
            <translation>标记为已停用(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Mark all invalidated</source>
            <translation>全部标记为已失效(&amp;M)</translation>
        </message>
        <message>
            <source>The code %1 is marked revoked.</source>
            <translation>授权码“%1”已标记为停用。</translation>
        </message>
        <message>
            <source>Changing the web login password or switching IMAP/SMTP off stops every authorization code of this mailbox. Mark all of them invalidated? Checks pause until you give mailmanager a new code, and each client needs a new code too.</source>
            <translation>修改网页登录密码或关闭 IMAP/SMTP 服务后，此邮箱的所有授权码都会失效。要把它们全部标记为已失效吗？在你给邮箱授权码管家新的授权码之前，检测会暂停；每个客户端也都需要新的授权码。</translation>
        </message>
        <message>
            <source>Every code stopped working</source>
            <translation>所有授权码都已失效</translation>
        </message>
        <message>
            <source>Every code is marked invalidated and checks are paused. Make a new code for mailmanager (Fix in the main window), then one for each client you use.</source>
            <translation>所有授权码都已标记为失效，检测已暂停。请为邮箱授权码管家新建一个授权码（在主窗口中选择“修复”），再为你使用的每个客户端各建一个。</translation>
        </message>
        <message>
            <source>mailmanager now checks with the code %1.</source>
            <translation>邮箱授权码管家现在用授权码“%1”检测。</translation>
        </message>
        <message>
            <source>Checking the code %1…</source>
            <translation>正在检测授权码“%1”…</translation>
        </message>
        <message>
            <source>The value of this code is not in the keyring.</source>
            <translation>密钥环中没有这个授权码的内容。</translation>
        </message>
        <message>
            <source>The code %1 works.</source>
            <translation>授权码“%1”可用。</translation>
        </message>
        <message>
            <source>The login with the code %1 did not succeed.</source>
            <translation>用授权码“%1”登录未成功。</translation>
        </message>
        <message numerus="yes">
            <source>Copied the code %1 for pasting into its client; the clipboard is cleared in %n second(s).</source>
            <translation>
                <numerusform>已复制授权码“%1”，可粘贴到对应客户端；剪贴板将在 %n 秒后清空。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CodeOnceBox</name>
        <message>
            <source>code</source>
            <translation>授权码</translation>
        </message>
        <message>
            <source>Copy it the moment it appears, before you click anything else.</source>
            <translation>它一出现就立即复制，先别点其他任何地方。</translation>
        </message>
        <message>
            <source>Paste it straight into mailmanager, and keep a copy in your password manager if you want one.</source>
            <translation>直接粘贴到邮箱授权码管家中；如有需要，可以在密码管理器里另存一份。</translation>
        </message>
        <message>
            <source>Make a separate code for each mail program or device, so you can revoke one without breaking the others.</source>
            <translation>每个邮件客户端或设备各用一个授权码，这样停用其中一个不会影响其他。</translation>
        </message>
        <message>
            <source>Name it after the program it is for (for example mailmanager), so you recognise it later in the list of codes.</source>
            <translation>用使用它的程序来命名（例如 mailmanager），以后在授权码列表中一眼就能认出。</translation>
        </message>
        <message>
            <source>%1 shows the %2 only once</source>
            <translation>%1的%2只显示一次</translation>
        </message>
        <message>
            <source>As soon as you close the window that shows it, it cannot be displayed again. If it is lost, the only way out is to create a new one.</source>
            <translation>关掉显示它的窗口后，就再也看不到了。一旦丢失，只能重新生成一个。</translation>
        </message>
        <message>
            <source>I &amp;understand: the %1 is shown only once, and I will copy it right away.</source>
            <translation>我已了解(&amp;U)：%1只显示一次，我会立即复制。</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <source>Confirm the server</source>
            <translation>确认服务器</translation>
        </message>
        <message>
            <source>mailmanager sends a code only to servers you agreed to, and only encrypted.</source>
            <translation>邮箱授权码管家只把授权码发给你同意过的服务器，而且只通过加密连接发送。</translation>
        </message>
        <message>
            <source>Nothing has been sent to these servers. If you are not sure, go back and choose the provider's own servers, or ask your mail administrator.</source>
            <translation>目前还没有向这些服务器发送任何内容。如果拿不准，请返回选择服务商自己的服务器，或询问你的邮箱管理员。</translation>
        </message>
        <message>
            <source>This server is not your provider's</source>
            <translation>这台服务器不属于你的邮箱服务商</translation>
        </message>
        <message>
            <source>The settings below did not come from the built-in catalogue or from you. A wrong server would receive your code and could read and send your mail.</source>
            <translation>下面的设置既不是来自内置的服务商目录，也不是你自己填写的。填错的服务器会拿到你的授权码，并能读取和代发你的邮件。</translation>
        </message>
        <message>
            <source>Suggested by: %1</source>
            <translation>建议来源：%1</translation>
        </message>
    </context>
    <context>
        <name>ConfirmRemoval</name>
        <message>
            <source>Remove mailbox</source>
            <translation>删除邮箱</translation>
        </message>
        <message>
            <source>Remove %1 from mailmanager?</source>
            <translation>要从邮箱授权码管家中删除 %1 吗？</translation>
        </message>
        <message>
            <source>Its settings, its check history and its code in the keyring will be deleted from this computer.

The code itself still works until you revoke it: sign in to the mailbox's web settings and delete the authorization code made for this client.</source>
            <translation>该邮箱的设置、检测记录以及保存在密钥环中的授权码，都将从这台电脑上删除。

但授权码本身在停用之前仍然有效：请登录邮箱的网页版设置，删除为此客户端生成的授权码。</translation>
        </message>
        <message>
            <source>The web settings of this mailbox: %1</source>
            <translation>这个邮箱的网页设置：%1</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>删除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>CopyToClientDialog</name>
        <message>
            <source>Copy the code %1 to its client</source>
            <translation>把授权码 %1 复制到它的客户端</translation>
        </message>
        <message>
            <source>Choose the client: its settings are shown in the order its account dialog asks for them. Copy the settings, fill them in, then copy the code into the password field.</source>
            <translation>选择客户端：设置按该客户端账户对话框的顺序显示。先复制设置并逐项填写，再把授权码复制到密码栏。</translation>
        </message>
        <message>
            <source>C&amp;lient:</source>
            <translation>客户端(&amp;L)：</translation>
        </message>
        <message>
            <source>Copy the &amp;settings</source>
            <translation>复制设置(&amp;S)</translation>
        </message>
        <message>
            <source>Copy the c&amp;ode</source>
            <translation>复制授权码(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Marked as a password for clipboard managers and cleared after 30 seconds.</source>
            <translation>对剪贴板管理器标记为密码，30 秒后清除。</translation>
        </message>
        <message>
            <source>Settings for %1 copied. Now fill them in, then copy the code.</source>
            <translation>已复制 %1 的设置。填写完后再复制授权码。</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>mailmanager: unexpected error</source>
            <translation>邮箱授权码管家：意外错误</translation>
        </message>
        <message>
            <source>Something went wrong inside mailmanager.</source>
            <translation>邮箱授权码管家内部出了问题。</translation>
        </message>
        <message>
            <source>The app is still running, but what you just did may not have finished. The report below has also been written to the log, with authorization codes removed. Please copy it into a bug report if the problem comes back.</source>
            <translation>程序仍在运行，但刚才的操作可能没有完成。下面的报告也已写入日志，其中的授权码已被隐去。如果问题再次出现，请把这份报告复制到问题反馈中。</translation>
        </message>
        <message>
            <source>Log file:</source>
            <translation>日志文件：</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
        <message>
            <source>Quit mailmanager</source>
            <translation>退出邮箱授权码管家</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
    </context>
    <context>
        <name>CredentialPage</name>
        <message>
            <source>Paste the code</source>
            <translation>粘贴授权码</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>The name you gave the code on the provider's website, so you can find it.</source>
            <translation>你在服务商网站上给这个授权码起的名称，方便以后查找。</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>mailmanager reminds you to replace the code after this many days.</source>
            <translation>授权码使用满这么多天后，邮箱授权码管家会提醒你更换。</translation>
        </message>
        <message>
            <source>Made for:</source>
            <translation>用途：</translation>
        </message>
        <message>
            <source>Created on:</source>
            <translation>创建日期：</translation>
        </message>
        <message>
            <source>Expiry:</source>
            <translation>有效期：</translation>
        </message>
        <message>
            <source>Remind me after:</source>
            <translation>更换周期：</translation>
        </message>
        <message>
            <source>password or code</source>
            <translation>密码或授权码</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>The spaces were removed: they are only there to make the code easier to read.</source>
            <translation>已去掉空格：空格只是为了方便阅读，并不属于授权码。</translation>
        </message>
        <message>
            <source>Stored only in your system's keyring, never in a file.</source>
            <translation>只保存在系统密钥环中，绝不写入文件。</translation>
        </message>
        <message numerus="yes">
            <source>This does not look like a %1, which has %n characters. If this is your login password, the server will refuse it.</source>
            <translation>
                <numerusform>这看起来不像%1（应为 %n 位）。如果填的是登录密码，服务器会拒绝。</numerusform>
            </translation>
        </message>
        <message>
            <source>This does not look like a %1. If this is your login password, the server will refuse it.</source>
            <translation>这看起来不像%1。如果填的是登录密码，服务器会拒绝。</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <source>Paste the new code</source>
            <translation>粘贴新授权码</translation>
        </message>
        <message>
            <source>Paste the %1 you just created, then fill in a few facts about it.</source>
            <translation>粘贴你刚生成的%1，再填写几项相关信息。</translation>
        </message>
        <message>
            <source>Required: these codes stop working on a date you chose when making it. Tick the box and enter that date.</source>
            <translation>必填：这类授权码会在你生成时选定的日期失效。请勾选“有效期至”并填写该日期。</translation>
        </message>
        <message>
            <source>Leave unticked if the code does not expire.</source>
            <translation>如果授权码长期有效，请不要勾选。</translation>
        </message>
        <message numerus="yes">
            <source>%n characters</source>
            <translation>
                <numerusform>%n 位</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message>
            <source>Select a mailbox to see its details.</source>
            <translation>选择一个邮箱以查看详情。</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Receiving (IMAP):</source>
            <translation>收信（IMAP）：</translation>
        </message>
        <message>
            <source>Sending (SMTP):</source>
            <translation>发信（SMTP）：</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <source>Extra CA file:</source>
            <translation>额外的 CA 证书：</translation>
        </message>
        <message>
            <source>Where from:</source>
            <translation>来源：</translation>
        </message>
        <message>
            <source>Confirm…</source>
            <translation>确认…</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>授权码</translation>
        </message>
        <message>
            <source>Made for:</source>
            <translation>用途：</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>创建日期：</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>有效期至：</translation>
        </message>
        <message>
            <source>Rotation:</source>
            <translation>更换提醒：</translation>
        </message>
        <message>
            <source>Code age:</source>
            <translation>已用时长：</translation>
        </message>
        <message>
            <source>Codes…</source>
            <translation>管理…</translation>
        </message>
        <message>
            <source>Every code this mailbox has issued, one per client</source>
            <translation>此邮箱发放过的所有授权码，一个客户端一个</translation>
        </message>
        <message>
            <source>All codes:</source>
            <translation>全部授权码：</translation>
        </message>
        <message>
            <source>Sending and staying active</source>
            <translation>发信与保持活跃</translation>
        </message>
        <message>
            <source>I logged in on the web today</source>
            <translation>我今天已在网页版登录</translation>
        </message>
        <message>
            <source>Providers recycle mailboxes nobody logs into on the web. Background checks do not count, so tell mailmanager when you have logged in.</source>
            <translation>长期没有在网页版登录的邮箱可能会被服务商回收。后台检测不算登录，所以在网页版登录后请告诉邮箱授权码管家。</translation>
        </message>
        <message>
            <source>About the provider</source>
            <translation>关于服务商</translation>
        </message>
        <message>
            <source>Recent checks</source>
            <translation>最近检测</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>协议</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Server said</source>
            <translation>服务器返回</translation>
        </message>
        <message>
            <source>No checks yet.</source>
            <translation>还没有检测记录。</translation>
        </message>
        <message>
            <source>Code history</source>
            <translation>授权码记录</translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) selected</source>
            <translation>
                <numerusform>已选择 %n 个邮箱</numerusform>
            </translation>
        </message>
        <message>
            <source>Check, pause, move to a group or remove all of them at once:</source>
            <translation>可以一次对它们全部执行检测、暂停、移动分组或删除：</translation>
        </message>
        <message>
            <source>The same commands are in the Mailbox menu and on a right click. Select a single mailbox to see its details.</source>
            <translation>“邮箱”菜单和右键菜单里也有这些命令。只选中一个邮箱即可查看它的详细信息。</translation>
        </message>
        <message>
            <source>Receiving: %1 · Sending: %2</source>
            <translation>收信：%1 · 发信：%2</translation>
        </message>
        <message>
            <source>Not checked until you confirm:</source>
            <translation>在你确认之前不会检测：</translation>
        </message>
        <message numerus="yes">
            <source>%n code(s)</source>
            <translation>
                <numerusform>%n 个授权码</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n in use</source>
            <translation>
                <numerusform>，%n 个使用中</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Time to compare them with the provider's list of clients</source>
            <translation>该与服务商的客户端列表核对了</translation>
        </message>
        <message numerus="yes">
            <source>Day %1: past its %n day(s) of validity</source>
            <translation>
                <numerusform>第 %1 天：已超过 %n 天的有效期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Day %1 of %n day(s) of validity</source>
            <translation>
                <numerusform>有效期第 %1 天，共 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Day %1; no replacement reminder is set</source>
            <translation>第 %1 天；未设置更换提醒</translation>
        </message>
        <message numerus="yes">
            <source>Day %1: replacing was due after %n day(s)</source>
            <translation>
                <numerusform>第 %1 天：已超过 %n 天的更换周期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Day %1 of %n before replacing</source>
            <translation>
                <numerusform>第 %1 天，满 %n 天需更换</numerusform>
            </translation>
        </message>
        <message>
            <source>This mailbox is in sending week %1.</source>
            <translation>这个邮箱正处于发信第 %1 周。</translation>
        </message>
        <message>
            <source>Safe sending, counted from the first week of sending:</source>
            <translation>安全发信量（从开始发信的第一周算起）：</translation>
        </message>
        <message>
            <source>Fix…</source>
            <translation>修复…</translation>
        </message>
        <message>
            <source>Walk through the setup again to repair this mailbox</source>
            <translation>重新走一遍设置步骤，修复这个邮箱</translation>
        </message>
        <message>
            <source>The authorization code expires on %1 (%2).</source>
            <translation>授权码将于 %1 过期（%2）。</translation>
        </message>
        <message>
            <source>The authorization code expired on %1 (%2).</source>
            <translation>授权码已于 %1 过期（%2）。</translation>
        </message>
        <message>
            <source>The code %1 (another client's) expires on %2 (%3).</source>
            <translation>授权码“%1”（其他客户端的）将于 %2 过期（%3）。</translation>
        </message>
        <message>
            <source>The code %1 (another client's) expired on %2 (%3).</source>
            <translation>授权码“%1”（其他客户端的）已于 %2 过期（%3）。</translation>
        </message>
        <message>
            <source>The code %1 (another client's) is due to be replaced since %2 (%3).</source>
            <translation>授权码“%1”（其他客户端的）自 %2 起该更换了（%3）。</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>怎么处理：%1</translation>
        </message>
        <message>
            <source>What to do (%1): %2</source>
            <translation>怎么处理（%1）：%2</translation>
        </message>
        <message>
            <source>%1 server said: %2</source>
            <translation>%1 服务器返回：%2</translation>
        </message>
        <message>
            <source>(no label)</source>
            <translation>（未填写）</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>No expiry date</source>
            <translation>长期有效</translation>
        </message>
        <message>
            <source>No reminder</source>
            <translation>不提醒</translation>
        </message>
        <message numerus="yes">
            <source>Every %n day(s); due since %1</source>
            <translation>
                <numerusform>每 %n 天一次，已于 %1 到期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n day(s), next on %1</source>
            <translation>
                <numerusform>每 %n 天一次，下次 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Unknown: no creation date is recorded</source>
            <translation>未知：没有记录创建日期</translation>
        </message>
        <message>
            <source>Personal mailboxes are for one-to-one mail: never send in bulk.</source>
            <translation>个人邮箱只适合一对一往来，切勿群发。</translation>
        </message>
        <message>
            <source>Set “Began sending on” with Edit to see which week this mailbox is in.</source>
            <translation>用“编辑”设置“开始发信日期”后，这里会标出这个邮箱所在的阶段。</translation>
        </message>
        <message>
            <source>Send at a natural pace; never send in bulk.</source>
            <translation>请按正常节奏发信，切勿群发。</translation>
        </message>
        <message>
            <source>Last web login you confirmed: %1. The provider may recycle mailboxes after %2 days without one.</source>
            <translation>你确认的上次网页版登录：%1。连续 %2 天没有登录，服务商可能会回收邮箱。</translation>
        </message>
        <message>
            <source>No web login recorded yet; counting from %1, when you added the mailbox here. The provider may recycle mailboxes after %2 days without one.</source>
            <translation>还没有记录网页版登录，从添加到本程序那天（%1）算起。连续 %2 天没有登录，服务商可能回收邮箱。</translation>
        </message>
        <message>
            <source>No sending guidance for this provider.</source>
            <translation>暂无该服务商的发信建议。</translation>
        </message>
        <message>
            <source>Help page</source>
            <translation>帮助页面</translation>
        </message>
        <message>
            <source>Server said: %1</source>
            <translation>服务器返回：%1</translation>
        </message>
        <message>
            <source>Code added</source>
            <translation>添加授权码</translation>
        </message>
        <message>
            <source>Code replaced</source>
            <translation>更换授权码</translation>
        </message>
        <message>
            <source>Code expired</source>
            <translation>授权码过期</translation>
        </message>
        <message>
            <source>Code removed</source>
            <translation>删除授权码</translation>
        </message>
        <message>
            <source>Logged in on the web</source>
            <translation>网页版登录</translation>
        </message>
        <message>
            <source>%1 (for %2)</source>
            <translation>%1（用于 %2）</translation>
        </message>
        <message>
            <source>Nothing recorded yet.</source>
            <translation>暂无记录。</translation>
        </message>
    </context>
    <context>
        <name>Detection</name>
        <message>
            <source>Settings from the built-in provider catalogue.</source>
            <translation>设置来自内置服务商列表。</translation>
        </message>
        <message>
            <source>Settings from a provider you imported.</source>
            <translation>设置来自你导入的服务商配置。</translation>
        </message>
        <message>
            <source>Recognised from the domain's mail (MX) servers.</source>
            <translation>根据该域名的邮件服务器（MX）识别。</translation>
        </message>
        <message>
            <source>Settings published by the domain in DNS (SRV records).</source>
            <translation>设置来自该域名在 DNS 中发布的 SRV 记录。</translation>
        </message>
        <message>
            <source>Settings from the domain's autoconfig file.</source>
            <translation>设置来自该域名的自动配置文件（autoconfig）。</translation>
        </message>
        <message>
            <source>The autoconfig file came over plain HTTP: check the servers before trusting them.</source>
            <translation>自动配置文件是通过未加密的 HTTP 获取的，请先核对服务器再使用。</translation>
        </message>
        <message>
            <source>Guessed from common server names: the servers answered, but check them.</source>
            <translation>根据常见服务器名称推测：服务器有响应，但请核对。</translation>
        </message>
        <message>
            <source>Only part of the settings could be found: enter the rest by hand.</source>
            <translation>只找到了部分设置，其余请手动填写。</translation>
        </message>
        <message>
            <source>No settings found for this domain: choose the provider or enter the servers.</source>
            <translation>没有找到该域名的设置：请选择服务商，或手动填写服务器。</translation>
        </message>
        <message>
            <source>Network look-ups were skipped; only the built-in catalogue was searched.</source>
            <translation>未进行网络查询，只查找了内置服务商列表。</translation>
        </message>
        <message>
            <source>The DNS server did not answer in time; detection may be incomplete.</source>
            <translation>DNS 服务器没有及时响应，识别结果可能不完整。</translation>
        </message>
        <message>
            <source>No DNS server is configured on this computer.</source>
            <translation>这台电脑没有配置 DNS 服务器。</translation>
        </message>
        <message>
            <source>Detection was cancelled.</source>
            <translation>已取消识别。</translation>
        </message>
        <message>
            <source>Some of these settings are unconfirmed: please double-check them.</source>
            <translation>其中部分设置未经证实，请仔细核对。</translation>
        </message>
        <message>
            <source>This provider accepts no passwords from mail clients any more (OAuth only).</source>
            <translation>该服务商已不再允许邮件客户端用密码登录（仅支持 OAuth）。</translation>
        </message>
        <message>
            <source>A server is set up without encryption: use it only on your own network.</source>
            <translation>有服务器未设置加密，只应在你自己的网络中使用。</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Saving</source>
            <translation>正在保存</translation>
        </message>
        <message>
            <source>Open the web settings to revoke the old code</source>
            <translation>打开网页版设置，停用旧授权码</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Saving the mailbox and putting the code in the keyring…</source>
            <translation>正在保存邮箱，并将授权码存入密钥环…</translation>
        </message>
        <message>
            <source>The new code is in use</source>
            <translation>新授权码已启用</translation>
        </message>
        <message>
            <source>The new code passed the test and replaced the old one.</source>
            <translation>新授权码已通过测试，并替换了旧授权码。</translation>
        </message>
        <message>
            <source>Saved, with a problem to fix</source>
            <translation>已保存，但有问题待修复</translation>
        </message>
        <message>
            <source>The mailbox was saved, but its test failed.</source>
            <translation>邮箱已保存，但测试没有通过。</translation>
        </message>
        <message>
            <source>It shows as failing in the list until it works. Select it and choose Fix when you are ready.</source>
            <translation>修好之前，它在列表中会显示为异常。准备好后，选中它并选择“修复”。</translation>
        </message>
        <message>
            <source>All set</source>
            <translation>设置完成</translation>
        </message>
        <message>
            <source>The mailbox works and has been saved.</source>
            <translation>邮箱可以正常使用，已保存。</translation>
        </message>
        <message>
            <source>Click Finish to close this window.</source>
            <translation>点击“完成”关闭此窗口。</translation>
        </message>
        <message>
            <source>Nothing was saved</source>
            <translation>没有保存任何内容</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>收信（IMAP）</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>发信（SMTP）</translation>
        </message>
        <message>
            <source>Code expires</source>
            <translation>授权码有效期至</translation>
        </message>
        <message>
            <source>Reminder to replace the code</source>
            <translation>提醒更换授权码</translation>
        </message>
        <message>
            <source>code</source>
            <translation>授权码</translation>
        </message>
        <message>
            <source>In the web settings, find the code named “%1”, made on %2, in the list of codes and delete it, so that nobody can use it any more.</source>
            <translation>在网页版设置的授权码列表中，找到名为“%1”、于 %2 创建的授权码并删除，这样就没人能再用它了。</translation>
        </message>
        <message>
            <source>In the web settings, find the code named “%1” in the list of codes and delete it, so that nobody can use it any more.</source>
            <translation>在网页版设置的授权码列表中，找到名为“%1”的授权码并删除，这样就没人能再用它了。</translation>
        </message>
        <message>
            <source>Now revoke the old %1 “%2”</source>
            <translation>现在请停用旧的%1“%2”</translation>
        </message>
        <message>
            <source>This takes a moment; the keyring may ask you to unlock it.</source>
            <translation>请稍候；密钥环可能会请你解锁。</translation>
        </message>
    </context>
    <context>
        <name>EditAccountDialog</name>
        <message>
            <source>Edit mailbox</source>
            <translation>编辑邮箱</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>例如 name@example.com</translation>
        </message>
        <message>
            <source>Optional, e.g. Work mail</source>
            <translation>选填，例如“工作邮箱”</translation>
        </message>
        <message>
            <source>A client, a team or a campaign; the list can show one group at a time</source>
            <translation>客户、团队或营销活动；列表一次可显示一个分组</translation>
        </message>
        <message>
            <source>Same as the address</source>
            <translation>与邮箱地址相同</translation>
        </message>
        <message>
            <source>Authorization code dates</source>
            <translation>授权码日期</translation>
        </message>
        <message>
            <source>Which client the code is for, e.g. Thunderbird</source>
            <translation>授权码给哪个客户端用，例如 Thunderbird</translation>
        </message>
        <message>
            <source>Checks and sending</source>
            <translation>检测与发信</translation>
        </message>
        <message>
            <source>As in Settings</source>
            <translation>跟随全局设置</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>How often this mailbox is checked; the Settings menu sets the default.</source>
            <translation>这个邮箱多久检测一次；默认值在“设置”菜单中修改。</translation>
        </message>
        <message>
            <source>New mailboxes should send little at first. Without a date, the day the mailbox was added counts.</source>
            <translation>新邮箱刚开始应少量发信。不填日期时，按添加邮箱的那天算起。</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>邮箱地址(&amp;A)：</translation>
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation>显示名称(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>分组(&amp;G)：</translation>
        </message>
        <message>
            <source>&amp;Receiving mail (IMAP)</source>
            <translation>收信服务器（IMAP）(&amp;R)</translation>
        </message>
        <message>
            <source>Se&amp;nding mail (SMTP)</source>
            <translation>发信服务器（SMTP）(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>用途(&amp;M)：</translation>
        </message>
        <message>
            <source>Crea&amp;ted on:</source>
            <translation>创建日期(&amp;T)：</translation>
        </message>
        <message>
            <source>E&amp;xpires on:</source>
            <translation>有效期至(&amp;X)：</translation>
        </message>
        <message>
            <source>Remind to replace e&amp;very:</source>
            <translation>更换周期(&amp;V)：</translation>
        </message>
        <message>
            <source>Chec&amp;k every:</source>
            <translation>检测间隔(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Began sending on:</source>
            <translation>开始发信日期(&amp;B)：</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Enter a valid e-mail address, such as name@example.com.</source>
            <translation>请输入有效的邮箱地址，例如 name@example.com。</translation>
        </message>
        <message>
            <source>Enter the server names for receiving and sending.</source>
            <translation>请填写收信和发信服务器地址。</translation>
        </message>
        <message>
            <source>“%1” is not a server name. Use a name such as imap.example.com, or an IP address.</source>
            <translation>“%1”不是有效的服务器名称。请填写类似 imap.example.com 的名称，或一个 IP 地址。</translation>
        </message>
        <message>
            <source>A field holds more text than mailmanager keeps.</source>
            <translation>有一栏的文字超过了邮箱授权码管家能保存的长度。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>No mailboxes yet</source>
            <translation>还没有邮箱</translation>
        </message>
        <message>
            <source>Add a mailbox and its authorization code. mailmanager tests that receiving (IMAP) and sending (SMTP) work, and reminds you before a code expires or should be replaced.</source>
            <translation>添加邮箱及其授权码后，邮箱授权码管家会检测收信（IMAP）和发信（SMTP）是否正常，并在授权码过期或需要更换之前提醒你。</translation>
        </message>
        <message>
            <source>Add your first mailbox</source>
            <translation>添加第一个邮箱</translation>
        </message>
    </context>
    <context>
        <name>EndpointEditor</name>
        <message>
            <source>e.g. %1.example.com</source>
            <translation>例如 %1.example.com</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <source>Encryption:</source>
            <translation>加密方式：</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <source>Not a server name: use a name such as imap.example.com, or an IP address.</source>
            <translation>这不是有效的服务器名称：请填写类似 imap.example.com 的名称，或一个 IP 地址。</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>This is not a valid e-mail address.</source>
            <translation>这不是有效的邮箱地址。</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>出错了：%1</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>FoxmailSettings</name>
        <message>
            <source>Incoming server type</source>
            <translation>收信服务器类型</translation>
        </message>
        <message>
            <source>Email account</source>
            <translation>邮件账号</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>（授权码，单独复制）</translation>
        </message>
        <message>
            <source>Incoming server</source>
            <translation>收信服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>SSL</source>
            <translation>SSL</translation>
        </message>
        <message>
            <source>Outgoing server</source>
            <translation>发信服务器</translation>
        </message>
        <message>
            <source>Use STARTTLS if the server supports it</source>
            <translation>如果服务器支持，就使用STARTTLS加密传输</translation>
        </message>
    </context>
    <context>
        <name>GroupCombo</name>
        <message>
            <source>No group</source>
            <translation>不分组</translation>
        </message>
    </context>
    <context>
        <name>GroupList</name>
        <message>
            <source>Groups and filters</source>
            <translation>分组和筛选</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>All mailboxes</source>
            <translation>全部邮箱</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要处理</translation>
        </message>
        <message>
            <source>Not checked yet</source>
            <translation>尚未检测</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>No group</source>
            <translation>未分组</translation>
        </message>
    </context>
    <context>
        <name>Hint</name>
        <message>
            <source>Works, but without encryption: the code travels in plain text. Use this only for a server on your own network.</source>
            <translation>可以使用，但连接未加密：授权码以明文传输。只应对你自己内部网络中的服务器这样设置。</translation>
        </message>
        <message>
            <source>The check was cancelled.</source>
            <translation>检测已取消。</translation>
        </message>
        <message>
            <source>The server rejected the user name or code. Use the authorization code (app password) made for mail clients, not the web login password, and the full address as user name.</source>
            <translation>服务器拒绝了用户名或授权码。请使用为邮件客户端生成的授权码（应用专用密码），不要用网页登录密码，用户名请填写完整邮箱地址。</translation>
        </message>
        <message>
            <source>The server says this code has expired. Create a new authorization code in the mailbox's web settings and enter it here.</source>
            <translation>服务器提示此授权码已过期。请在邮箱网页版设置中重新生成授权码，然后在这里填入。</translation>
        </message>
        <message>
            <source>NetEase rejected the login: the authorization code is wrong or was revoked, or the web login password was used. Create a new client authorization code in the web settings (Settings &gt; POP3/SMTP/IMAP) and enter it here.</source>
            <translation>网易邮箱拒绝登录：授权码错误或已被停用，或者填的是网页登录密码。请在网页版“设置 → POP3/SMTP/IMAP”中重新生成客户端授权码，然后在这里填入。</translation>
        </message>
        <message>
            <source>QQ Mail refused the login without a precise reason: the service may be off, the code wrong or revoked, or logins limited after failures. Check that IMAP/SMTP is on in the web settings, create a new code if needed, and wait a few minutes before checking again.</source>
            <translation>QQ 邮箱拒绝登录，但没有说明具体原因：可能是服务未开启、授权码错误或已失效，或多次失败后登录受限。请确认网页版设置中已开启 IMAP/SMTP 服务，必要时重新生成授权码，并等几分钟后再检测。</translation>
        </message>
        <message>
            <source>Tencent Exmail rejected the login. With secure login on, only a client-specific password works (Settings &gt; Mailbox binding &gt; Client-specific password); also check that IMAP/SMTP is enabled in Settings &gt; Sending and receiving.</source>
            <translation>腾讯企业邮箱拒绝登录。开启安全登录后只能使用客户端专用密码（“设置 → 邮箱绑定 → 客户端专用密码”）；同时请确认“设置 → 收发信设置”中已开启 IMAP/SMTP 服务。</translation>
        </message>
        <message>
            <source>Google rejected the user name or password. Gmail needs an app password created in your Google Account (Security &gt; App passwords); the normal password does not work.</source>
            <translation>Google 拒绝了用户名或密码。Gmail 需要在 Google 账号中生成应用专用密码（“安全性 → 应用专用密码”），普通登录密码无法使用。</translation>
        </message>
        <message>
            <source>Google requires an app password: the account uses 2-Step Verification, so the normal password is refused. Create an app password in your Google Account (Security &gt; App passwords) and enter it here.</source>
            <translation>Google 要求使用应用专用密码：此账号已开启两步验证，普通密码会被拒绝。请在 Google 账号“安全性 → 应用专用密码”中生成一个，然后在这里填入。</translation>
        </message>
        <message>
            <source>The provider requires an app password for mail clients. Create one in the account's security settings and enter it here instead of the login password.</source>
            <translation>该服务商要求邮件客户端使用应用专用密码。请在账号的安全设置中生成一个，用它代替登录密码填入这里。</translation>
        </message>
        <message>
            <source>Microsoft rejected the login. Outlook.com and many Microsoft 365 mailboxes no longer accept passwords over IMAP/SMTP, only OAuth sign-in.</source>
            <translation>微软拒绝登录。Outlook.com 和很多 Microsoft 365 邮箱已不再允许通过 IMAP/SMTP 使用密码登录，只能使用 OAuth 授权登录。</translation>
        </message>
        <message>
            <source>Microsoft has turned off password (basic) login for this mailbox: neither the password nor an app password works over IMAP/SMTP any more. Only OAuth sign-in works.</source>
            <translation>微软已为此邮箱关闭密码（基本身份验证）登录：无论登录密码还是应用专用密码，都无法再通过 IMAP/SMTP 使用，只能使用 OAuth 授权登录。</translation>
        </message>
        <message>
            <source>SMTP login is switched off for this Microsoft 365 mailbox or organisation. An administrator has to enable authenticated SMTP for it.</source>
            <translation>此 Microsoft 365 邮箱或所在组织已关闭 SMTP 登录，需要管理员为其开启经过身份验证的 SMTP。</translation>
        </message>
        <message>
            <source>The provider wants you to sign in on its website first (a security check). Sign in there, confirm any prompt, then check again.</source>
            <translation>服务商要求先在网页上登录一次（安全验证）。请先到网页登录并完成提示的操作，然后再检测。</translation>
        </message>
        <message>
            <source>IMAP or SMTP access is not enabled for this mailbox. Turn it on in the mailbox's web settings, then check again.</source>
            <translation>此邮箱尚未开启 IMAP 或 SMTP 服务。请在邮箱网页版设置中开启，然后再检测。</translation>
        </message>
        <message>
            <source>The login works, but NetEase does not allow sending: the SMTP service is not enabled. Turn on IMAP/SMTP in the web settings (Settings &gt; POP3/SMTP/IMAP), then check again.</source>
            <translation>登录成功，但网易不允许发信：SMTP 服务未开启。请在网页版“设置 → POP3/SMTP/IMAP”中开启 IMAP/SMTP 服务，然后再检测。</translation>
        </message>
        <message>
            <source>The login works, but the server will not send as this address. Check that the user name and the address belong to the same mailbox.</source>
            <translation>登录成功，但服务器不允许以此地址发信。请确认用户名和邮箱地址属于同一个邮箱。</translation>
        </message>
        <message>
            <source>The login works, but the server refuses to send from this account (it may be limited for spam or sending volume). Sign in on the web to read the provider's notice.</source>
            <translation>登录成功，但服务器拒绝此账号发信（可能因垃圾邮件或发信量过大被限制）。请登录网页版查看服务商的通知。</translation>
        </message>
        <message>
            <source>The server asks you to contact the mail administrator or the provider's support: the account may be restricted.</source>
            <translation>服务器要求联系邮件管理员或服务商客服：此账号可能已被限制。</translation>
        </message>
        <message>
            <source>The company's mail administrator allows logins only from certain IP addresses or regions. Ask the administrator to allow this network in the admin console under 安全与审计 &gt; 安全登录 &gt; 登录限制 (Security and audit &gt; Secure login &gt; Login limits).</source>
            <translation>企业邮箱管理员只允许特定 IP 地址或地区登录。请联系管理员在管理后台“安全与审计 → 安全登录 → 登录限制”中放行当前网络。</translation>
        </message>
        <message>
            <source>The server does not accept logins from this network. Ask the mail administrator to allow it, or try from another network.</source>
            <translation>服务器不接受来自当前网络的登录。请联系邮件管理员放行，或换一个网络再试。</translation>
        </message>
        <message>
            <source>NetEase enterprise mail rejected the login: the client authorization password is wrong, was never confirmed with OK when it was made, or has expired (each one carries an expiry date). In the company webmail open Mailbox settings &gt; Client settings (邮箱设置 &gt; 客户端设置), generate a new authorization password, click OK, and enter it here with its expiry date.</source>
            <translation>网易企业邮箱拒绝登录：客户端授权密码填错了、生成时没有点“确定”，或者已经过了有效期（每个授权密码都有到期时间）。请登录企业网页邮箱，进入“邮箱设置 → 客户端设置”，重新生成授权密码并点“确定”，然后在这里填入，并填好“有效期至”。</translation>
        </message>
        <message>
            <source>Alibaba enterprise mail rejected the login. If the administrator requires a third-party client security password, create one in the webmail under Settings &gt; Account and security (设置 &gt; 账户与安全 &gt; 三方客户端安全密码) and enter it here; otherwise the login password is what works. The administrator may also have to allow third-party clients (IMAP/SMTP) for this account.</source>
            <translation>阿里企业邮箱拒绝登录。如果管理员要求使用三方客户端安全密码，请在网页邮箱“设置 → 账户与安全 → 三方客户端安全密码”中生成一个并在这里填入；否则应填写登录密码。管理员可能还需要为这个账号开放第三方客户端（IMAP/SMTP）。</translation>
        </message>
        <message>
            <source>QQ Mail rejected the login: the authorization code is wrong or was revoked, or the QQ password was used. QQ Mail accepts only its 16-character authorization code: create one in the web settings (Settings &gt; Account &gt; POP3/IMAP/SMTP service) and enter it here.</source>
            <translation>QQ 邮箱拒绝登录：授权码错误或已失效，或者填的是 QQ 密码。QQ 邮箱只接受 16 位授权码，请在网页版“设置 → 账户 → POP3/IMAP/SMTP 服务”中生成后在这里填入。</translation>
        </message>
        <message>
            <source>The NetEase enterprise server group in use is unstable or cannot be reached from here (ERR.LOGIN.DOMAINNOTEXIST). Switch to the other server group: from hwhzimap.qiye.163.com / hwhzsmtp.qiye.163.com to imap.qiye.163.com / smtp.qiye.163.com, or the other way round.</source>
            <translation>当前使用的网易企业邮箱服务器组不稳定，或者从这里无法访问（ERR.LOGIN.DOMAINNOTEXIST）。请切换到另一组服务器：如果正在使用 hwhzimap.qiye.163.com / hwhzsmtp.qiye.163.com，请改用 imap.qiye.163.com / smtp.qiye.163.com，反之亦然。</translation>
        </message>
        <message>
            <source>NetEase accepted the code but refused to open the mailbox ("Unsafe Login") although this app identified itself. Sign in on the web, read any security notice, check that IMAP is enabled, then check again.</source>
            <translation>本软件已表明身份，网易也接受了授权码，但仍以“Unsafe Login”为由拒绝打开邮箱。请登录网页版查看安全提示，并确认已开启 IMAP，然后再检测。</translation>
        </message>
        <message>
            <source>The server refused to open the mailbox because the client did not identify itself (IMAP ID). Set the provider to NetEase (or Coremail) for this account so the app sends it, then check again.</source>
            <translation>服务器拒绝打开邮箱，因为客户端没有表明身份（IMAP ID）。请将此账号的服务商设为网易（或 Coremail），让本软件发送身份信息，然后再检测。</translation>
        </message>
        <message>
            <source>The login works, but the server refused to open the inbox. Sign in on the web to see whether the mailbox is restricted.</source>
            <translation>登录成功，但服务器拒绝打开收件箱。请登录网页版，看看邮箱是否受到限制。</translation>
        </message>
        <message>
            <source>The server reported a temporary problem. The check will be repeated later; nothing needs to change now.</source>
            <translation>服务器报告了临时故障。稍后会自动重新检测，目前无需修改任何设置。</translation>
        </message>
        <message>
            <source>The server is limiting logins for this account or network. Wait some minutes before checking again: repeated attempts can lock the account.</source>
            <translation>服务器正在限制此账号或当前网络的登录。请等待几分钟再检测：反复尝试可能导致账号被锁定。</translation>
        </message>
        <message>
            <source>The server turned the connection away (it may be busy). Try again later.</source>
            <translation>服务器拒绝了连接（可能正忙）。请稍后再试。</translation>
        </message>
        <message>
            <source>The server name could not be found. Check its spelling and the network's DNS.</source>
            <translation>找不到该服务器名称。请检查拼写以及网络的 DNS 设置。</translation>
        </message>
        <message>
            <source>The server refused the connection on this port. Check the port and security: SSL usually uses 993 (IMAP) and 465 (SMTP), STARTTLS 143 and 587.</source>
            <translation>服务器拒绝了此端口的连接。请检查端口和加密方式：SSL 通常使用 993（IMAP）和 465（SMTP），STARTTLS 使用 143 和 587。</translation>
        </message>
        <message>
            <source>The server could not be reached. Check the network connection, firewall and proxy.</source>
            <translation>无法连接到服务器。请检查网络连接、防火墙和代理设置。</translation>
        </message>
        <message>
            <source>The server closed the connection in the middle of the check. This is often temporary; if it keeps happening, the provider may be blocking this network.</source>
            <translation>检测过程中服务器断开了连接。这通常是暂时的；如果反复出现，可能是服务商屏蔽了当前网络。</translation>
        </message>
        <message>
            <source>The server refused to talk to this client at all. The provider may be blocking this network; try again later or from another network.</source>
            <translation>服务器完全拒绝与本客户端通信，服务商可能屏蔽了当前网络。请稍后或换一个网络再试。</translation>
        </message>
        <message>
            <source>The server did not answer within the time limit. Check the network, then try again.</source>
            <translation>服务器未在限定时间内响应。请检查网络后重试。</translation>
        </message>
        <message>
            <source>The server did not answer in time. International providers are often unreachable from mainland China without a proxy or VPN: check that one is active for this app.</source>
            <translation>服务器没有及时响应。在中国大陆，不用代理或 VPN 往往连不上国外的邮箱服务商，请确认本软件已通过代理联网。</translation>
        </message>
        <message>
            <source>The server's certificate is not trusted. For a company's own server, choose its CA certificate file in the account settings; otherwise do not go on: the connection may be intercepted.</source>
            <translation>服务器证书不受信任。如果是公司自建的服务器，请在账号设置中选择其 CA 证书文件；否则请不要继续，连接可能遭到拦截。</translation>
        </message>
        <message>
            <source>The server's certificate has expired. Check the computer's date and time; if they are right, the provider has to renew its certificate.</source>
            <translation>服务器证书已过期。请检查本机的日期和时间；如果时间正确，则需要服务商更新证书。</translation>
        </message>
        <message>
            <source>The server's certificate is for a different name. Use the server name the provider documents, exactly as written.</source>
            <translation>服务器证书上的名称与所填服务器不符。请严格按服务商文档填写服务器名称。</translation>
        </message>
        <message>
            <source>The secure connection could not be set up. Check the port and security: 993 and 465 use SSL, 143 and 587 use STARTTLS.</source>
            <translation>无法建立加密连接。请检查端口和加密方式：993 和 465 使用 SSL，143 和 587 使用 STARTTLS。</translation>
        </message>
        <message>
            <source>The CA certificate file chosen for this account could not be read. Choose a valid PEM file.</source>
            <translation>无法读取为此账号选择的 CA 证书文件。请选择一个有效的 PEM 文件。</translation>
        </message>
        <message>
            <source>The server did not offer encryption (STARTTLS) on this port, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</source>
            <translation>服务器在此端口未提供加密（STARTTLS），因此没有发送授权码。请改用 SSL 端口（IMAP 为 993，SMTP 为 465）。</translation>
        </message>
        <message>
            <source>Switching the connection to encryption (STARTTLS) failed, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</source>
            <translation>切换到加密连接（STARTTLS）失败，因此没有发送授权码。请改用 SSL 端口（IMAP 为 993，SMTP 为 465）。</translation>
        </message>
        <message>
            <source>The code was not sent: this server is not one of the provider's, not part of the address's own domain, and you have not confirmed it. Confirm it only if your mail administrator told you to use it.</source>
            <translation>授权码没有发送：这台服务器不是服务商的服务器，也不属于邮箱地址自己的域名，而且你还没有确认过它。只有在邮箱管理员让你使用它时才确认。</translation>
        </message>
        <message>
            <source>The code was not sent: this server would receive it without encryption, and the setting did not come from you. Use SSL or STARTTLS, or allow plain text for it.</source>
            <translation>授权码没有发送：这台服务器会以不加密的方式接收授权码，而这个设置不是你自己填写的。请改用 SSL 或 STARTTLS，或明确允许它使用明文。</translation>
        </message>
        <message>
            <source>The code was not sent: the extra CA certificates for this mailbox were not chosen or confirmed by you. Choose the CA file again or confirm its SHA-256 fingerprint.</source>
            <translation>授权码没有发送：这个邮箱的额外 CA 证书不是你选择或确认的。请重新选择 CA 文件，或确认它的 SHA-256 指纹。</translation>
        </message>
        <message>
            <source>The server requires encryption. Change the security setting to SSL or STARTTLS.</source>
            <translation>服务器要求加密连接。请将加密方式改为 SSL 或 STARTTLS。</translation>
        </message>
        <message>
            <source>The server's answer was not understood. Check that the port belongs to this protocol (IMAP or SMTP) and that the security setting matches it.</source>
            <translation>无法理解服务器的响应。请确认该端口对应正确的协议（IMAP 或 SMTP），并且加密方式与端口相符。</translation>
        </message>
        <message>
            <source>The server sent an oversized answer, so the check was stopped. Check the server name and port.</source>
            <translation>服务器返回的内容过大，检测已停止。请检查服务器名称和端口。</translation>
        </message>
        <message>
            <source>The server offers no login method this app can use (PLAIN or LOGIN over an encrypted connection).</source>
            <translation>服务器没有提供本软件可用的登录方式（在加密连接上使用 PLAIN 或 LOGIN）。</translation>
        </message>
    </context>
    <context>
        <name>KeyringBanner</name>
        <message>
            <source>No secure keyring is available</source>
            <translation>没有可用的安全密钥环</translation>
        </message>
        <message>
            <source>mailmanager keeps authorization codes only in the system keyring, and none is available, so codes can neither be saved nor read for checks. Install and start a keyring service (GNOME Keyring, package gnome-keyring, or KWallet), then check again.</source>
            <translation>邮箱授权码管家只把授权码保存在系统密钥环中，而现在没有可用的密钥环，因此授权码既无法保存，也无法在检测时读取。请安装并启动密钥环服务（GNOME Keyring，软件包 gnome-keyring，或 KWallet），然后重新检查。</translation>
        </message>
        <message>
            <source>The code you are about to create could not be saved: mailmanager keeps codes only in the system keyring, and none is available. Install and start GNOME Keyring (package gnome-keyring) or KWallet first, then add the mailbox.</source>
            <translation>你将要创建的授权码目前无法保存：邮箱授权码管家只把授权码保存在系统密钥环中，而现在没有可用的密钥环。请先安装并启动 GNOME Keyring（软件包 gnome-keyring）或 KWallet，再添加邮箱。</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>重新检查</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
    </context>
    <context>
        <name>Limits</name>
        <message>
            <source>Remind to replace the code after %1 to %2 days, or enter 0 for never.</source>
            <translation>更换授权码的提醒须在 %1 到 %2 天之间，或填 0 表示不提醒。</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <source>&amp;Add mailbox…</source>
            <translation>添加邮箱(&amp;A)…</translation>
        </message>
        <message>
            <source>Add a mailbox (Ctrl+N)</source>
            <translation>添加邮箱（Ctrl+N）</translation>
        </message>
        <message>
            <source>&amp;Import mailboxes from a spreadsheet…</source>
            <translation>从表格批量导入邮箱(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation>立即检测(&amp;C)</translation>
        </message>
        <message>
            <source>Test the selected mailbox's logins now (F5)</source>
            <translation>立即检测所选邮箱能否登录（F5）</translation>
        </message>
        <message>
            <source>Check &amp;all</source>
            <translation>全部检测(&amp;A)</translation>
        </message>
        <message>
            <source>Test every mailbox that is not paused (Ctrl+Shift+R)</source>
            <translation>检测所有未暂停的邮箱（Ctrl+Shift+R）</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>Change the servers, names and dates (Ctrl+E)</source>
            <translation>修改服务器、名称和日期（Ctrl+E）</translation>
        </message>
        <message>
            <source>&amp;Replace code…</source>
            <translation>更换授权码(&amp;R)…</translation>
        </message>
        <message>
            <source>Enter a new authorization code (Ctrl+K)</source>
            <translation>填入新的授权码（Ctrl+K）</translation>
        </message>
        <message>
            <source>F&amp;ix…</source>
            <translation>修复(&amp;I)…</translation>
        </message>
        <message>
            <source>Walk through the setup again to repair a failing mailbox (Ctrl+Shift+F)</source>
            <translation>重新走一遍设置步骤，修复出问题的邮箱（Ctrl+Shift+F）</translation>
        </message>
        <message>
            <source>&amp;Pause checks</source>
            <translation>暂停检测(&amp;P)</translation>
        </message>
        <message>
            <source>Stop or restart automatic checks (Ctrl+P)</source>
            <translation>暂停或恢复自动检测（Ctrl+P）</translation>
        </message>
        <message>
            <source>Copy &amp;settings</source>
            <translation>复制设置(&amp;S)</translation>
        </message>
        <message>
            <source>Copy the servers and ports, to set up another mail client (Ctrl+Shift+C)</source>
            <translation>复制服务器和端口，用于设置其他邮件客户端（Ctrl+Shift+C）</translation>
        </message>
        <message>
            <source>C&amp;odes…</source>
            <translation>全部授权码(&amp;O)…</translation>
        </message>
        <message>
            <source>The mailbox's authorization codes, one per client: add, copy, revoke, audit (Ctrl+Shift+K)</source>
            <translation>这个邮箱的授权码，每个客户端一个：添加、复制、吊销、核对（Ctrl+Shift+K）</translation>
        </message>
        <message>
            <source>Move to &amp;group…</source>
            <translation>移到分组(&amp;G)…</translation>
        </message>
        <message>
            <source>Put the selected mailboxes in a group: a client, a team (Ctrl+G)</source>
            <translation>将选中的邮箱放入分组，如客户、团队 (Ctrl+G)</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>删除(&amp;M)…</translation>
        </message>
        <message>
            <source>Remove the mailbox and its code from this computer (Del)</source>
            <translation>从这台电脑上删除该邮箱及其授权码（Del）</translation>
        </message>
        <message>
            <source>E&amp;xport for sending platforms…</source>
            <translation>导出给发信平台(&amp;X)…</translation>
        </message>
        <message>
            <source>A CSV of the servers and user names for a sending platform, without codes</source>
            <translation>导出服务器和用户名的 CSV 表格供发信平台使用，不含授权码</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>筛选邮箱(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;About mailmanager</source>
            <translation>关于邮箱授权码管家(&amp;A)</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>简体中文</source>
            <translation>简体中文</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Res&amp;ume checks</source>
            <translation>恢复检测(&amp;U)</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Mailbox</source>
            <translation>邮箱(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>mailmanager</source>
            <translation>邮箱授权码管家</translation>
        </message>
        <message>
            <source>Filter mailboxes</source>
            <translation>筛选邮箱</translation>
        </message>
        <message>
            <source>Filter by address, name, provider or status (Ctrl+F)</source>
            <translation>按地址、名称、服务商或状态筛选（Ctrl+F）</translation>
        </message>
        <message>
            <source>Clear the filter</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <source>No mailbox matches “%1”.</source>
            <translation>没有与“%1”匹配的邮箱。</translation>
        </message>
        <message>
            <source>Show all mailboxes</source>
            <translation>显示全部邮箱</translation>
        </message>
        <message>
            <source>No mailbox in this list.</source>
            <translation>此列表中没有邮箱。</translation>
        </message>
        <message>
            <source>Mailboxes: %1</source>
            <translation>共 %1 个邮箱</translation>
        </message>
        <message>
            <source>Selected: %1</source>
            <translation>已选 %1 个</translation>
        </message>
        <message>
            <source>Need attention: %1</source>
            <translation>%1 个需要处理</translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n mailbox(es) whose code was rejected: enter a new code, or check each one with Check now.</source>
            <translation>
                <numerusform>已跳过 %n 个授权码被拒的邮箱：请换上新的授权码，或用“立即检测”逐个检测。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 was saved.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>Settings of %1 copied to the clipboard.</source>
            <translation>已将 %1 的设置复制到剪贴板。</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>已删除 %1。</translation>
        </message>
        <message>
            <source>Noted: the servers you ticked are confirmed.</source>
            <translation>已记录：你勾选的服务器已确认。</translation>
        </message>
        <message>
            <source>Noted: you logged in on the web today.</source>
            <translation>已记录：你今天在网页版登录过。</translation>
        </message>
        <message>
            <source>The language changes the next time mailmanager starts.</source>
            <translation>下次启动邮箱授权码管家时将切换语言。</translation>
        </message>
        <message>
            <source>About mailmanager</source>
            <translation>关于邮箱授权码管家</translation>
        </message>
        <message>
            <source>mailmanager %1

Keeps the authorization codes of your mailboxes working: checks IMAP and SMTP logins and reminds you before codes expire.</source>
            <translation>邮箱授权码管家 %1

让你的邮箱授权码始终可用：检测 IMAP 和 SMTP 能否登录，并在授权码过期前提醒你。</translation>
        </message>
    </context>
    <context>
        <name>MoveToGroupDialog</name>
        <message>
            <source>Move to group</source>
            <translation>移到分组</translation>
        </message>
        <message numerus="yes">
            <source>Move %n mailbox(es) to the &amp;group:</source>
            <translation>
                <numerusform>将 %n 个邮箱移到分组(&amp;G)：</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Move</source>
            <translation>移动(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Leave it empty to take them out of any group.</source>
            <translation>留空则将它们移出分组。</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <source>{address} stopped working</source>
            <translation>{address} 无法使用了</translation>
        </message>
        <message>
            <source>The last check failed. Open mailmanager to see why and how to fix it.</source>
            <translation>最近一次检测失败。打开邮箱授权码管家查看原因和修复方法。</translation>
        </message>
        <message>
            <source>The code of {address} expires soon</source>
            <translation>{address} 的授权码即将过期</translation>
        </message>
        <message>
            <source>It expires on {date}. Make a new code and rotate it in mailmanager.</source>
            <translation>将于 {date} 过期。请生成新的授权码，并在邮箱授权码管家中更换。</translation>
        </message>
        <message>
            <source>The code of {address} has expired</source>
            <translation>{address} 的授权码已过期</translation>
        </message>
        <message>
            <source>It expired on {date}. Make a new code and rotate it in mailmanager.</source>
            <translation>已于 {date} 过期。请生成新的授权码，并在邮箱授权码管家中更换。</translation>
        </message>
        <message>
            <source>Time to rotate the code of {address}</source>
            <translation>该更换 {address} 的授权码了</translation>
        </message>
        <message>
            <source>The code is older than its rotation interval.</source>
            <translation>授权码已超过设定的更换周期。</translation>
        </message>
        <message>
            <source>Time to review the codes of {address}</source>
            <translation>该核对 {address} 的授权码了</translation>
        </message>
        <message>
            <source>Due since {date}: compare the authorized clients in the provider's web settings with the mailbox's codes in mailmanager (Codes…) and disable the unused ones.</source>
            <translation>自 {date} 起到期：把邮箱网页设置中已授权的客户端与邮箱授权码管家里这个邮箱的授权码（全部授权码…）对照，停用不再使用的。</translation>
        </message>
        <message>
            <source>Log in to {address} on the web</source>
            <translation>请在网页上登录 {address}</translation>
        </message>
        <message>
            <source>The provider may recycle the mailbox after {date} unless you log in.</source>
            <translation>如不登录，服务商可能在 {date} 之后回收该邮箱。</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> 等另外 %n 个</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) cannot connect</source>
            <translation>
                <numerusform>%n 个邮箱无法连接</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) have expired</source>
            <translation>
                <numerusform>%n 个授权码已过期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) expire soon</source>
            <translation>
                <numerusform>%n 个授权码即将过期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) are due to be replaced</source>
            <translation>
                <numerusform>%n 个授权码该更换了</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) are due for a review of their codes</source>
            <translation>
                <numerusform>%n 个邮箱该核对授权码了</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) need a login on the web</source>
            <translation>
                <numerusform>%n 个邮箱需要在网页上登录</numerusform>
            </translation>
        </message>
        <message>
            <source>Open mailmanager to see them.</source>
            <translation>打开邮箱授权码管家查看详情。</translation>
        </message>
        <message>
            <source>Since mailmanager was last open</source>
            <translation>自上次打开邮箱授权码管家以来</translation>
        </message>
        <message>
            <source>Offline: checks paused</source>
            <translation>已离线：检测已暂停</translation>
        </message>
        <message>
            <source>No mail server could be reached. The mailboxes keep their last results; mailmanager checks again when the network is back.</source>
            <translation>无法连接任何邮件服务器。各邮箱保留上次的结果；网络恢复后邮箱授权码管家会再次检测。</translation>
        </message>
    </context>
    <context>
        <name>OutlookSettings</name>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>电子邮件地址</translation>
        </message>
        <message>
            <source>Incoming mail</source>
            <translation>接收邮件</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Encryption method</source>
            <translation>加密方法</translation>
        </message>
        <message>
            <source>Require logon using Secure Password Authentication (SPA)</source>
            <translation>要求使用安全密码验证(SPA)进行登录</translation>
        </message>
        <message>
            <source>Outgoing mail</source>
            <translation>发送邮件</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>（授权码，单独复制）</translation>
        </message>
    </context>
    <context>
        <name>PhoneMailSettings</name>
        <message>
            <source>Account type</source>
            <translation>账户类型</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>电子邮件地址</translation>
        </message>
        <message>
            <source>Incoming server settings</source>
            <translation>接收服务器设置</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>（授权码，单独复制）</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Security type</source>
            <translation>安全类型</translation>
        </message>
        <message>
            <source>Outgoing server settings</source>
            <translation>发送服务器设置</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>SMTP 服务器</translation>
        </message>
        <message>
            <source>Require sign-in</source>
            <translation>需要登录</translation>
        </message>
    </context>
    <context>
        <name>PlatformExport</name>
        <message>
            <source>Export for sending platforms</source>
            <translation>导出给发信平台</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n mailbox(es) to %1 (settings only: the password columns are empty).</source>
            <translation>
                <numerusform>已将 %n 个邮箱导出到 %1（仅含设置，密码列为空）。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreparePage</name>
        <message>
            <source>Get your mailbox ready</source>
            <translation>准备邮箱</translation>
        </message>
        <message>
            <source>I will make a new code (the old one was rejected)</source>
            <translation>我要生成新的授权码（旧的被拒绝了）</translation>
        </message>
        <message>
            <source>Keep the stored code (only settings or servers need fixing)</source>
            <translation>保留已保存的授权码（只需修改设置或服务器）</translation>
        </message>
        <message>
            <source>What needs to change?</source>
            <translation>需要修改什么？</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>操作步骤</translation>
        </message>
        <message>
            <source>Open the web settings in your browser</source>
            <translation>在浏览器中打开网页版设置</translation>
        </message>
        <message>
            <source>Common pitfalls</source>
            <translation>常见错误</translation>
        </message>
        <message>
            <source>Good to know</source>
            <translation>须知</translation>
        </message>
        <message>
            <source>%1 lets mail programs sign in with your normal login password, once IMAP/SMTP is switched on in its web settings.</source>
            <translation>在%1的网页版设置中开启 IMAP/SMTP 后，邮件客户端就可以用你平时的登录密码登录。</translation>
        </message>
        <message>
            <source>%1 wants a separate password for mail programs, the &lt;b&gt;%2&lt;/b&gt;, which you choose yourself in its web settings.</source>
            <translation>%1要求邮件客户端使用单独的密码，即&lt;b&gt;%2&lt;/b&gt;，需要你在其网页版设置中自行设定。</translation>
        </message>
        <message>
            <source>Mail programs cannot sign in to %1 with your login password. They need the &lt;b&gt;%2&lt;/b&gt;, which you create in the web settings and paste here.</source>
            <translation>邮件客户端不能用登录密码登录%1，而要使用&lt;b&gt;%2&lt;/b&gt;：请在网页版设置中生成，然后粘贴到这里。</translation>
        </message>
        <message>
            <source>Sign in to your mailbox in the browser and look in its settings for IMAP, POP3/SMTP or "client access". Switch IMAP and SMTP on.</source>
            <translation>在浏览器中登录邮箱，在设置里找到 IMAP、POP3/SMTP 或“客户端设置”之类的选项，开启 IMAP 和 SMTP。</translation>
        </message>
        <message>
            <source>If the settings offer an authorization code, app password or client password, create one and copy it. Otherwise your normal password is usually what works.</source>
            <translation>如果设置中提供授权码、应用专用密码或客户端密码，请生成一个并复制下来；否则通常直接用平时的登录密码即可。</translation>
        </message>
        <message>
            <source>Ask your administrator or provider for the server names if you do not know them; you will enter them on a later page.</source>
            <translation>如果不知道服务器地址，请向管理员或服务商询问；后面的页面需要填写。</translation>
        </message>
        <message>
            <source>Make a new code</source>
            <translation>生成新授权码</translation>
        </message>
        <message>
            <source>Your current code keeps working until the new one has passed the test.</source>
            <translation>新授权码通过测试之前，当前授权码仍可继续使用。</translation>
        </message>
        <message>
            <source>Create a new code with the steps below. mailmanager tests it first and only then replaces the stored one; afterwards you revoke the old code.</source>
            <translation>请按下面的步骤生成新授权码。邮箱授权码管家会先测试，通过后才替换已保存的授权码；之后再由你停用旧授权码。</translation>
        </message>
        <message>
            <source>These steps apply to most mail providers.</source>
            <translation>以下步骤适用于大多数邮箱服务商。</translation>
        </message>
        <message>
            <source>mailmanager does not know this provider's rules, so here is what usually works.</source>
            <translation>邮箱授权码管家不了解该服务商的具体规定，以下是通常可行的做法。</translation>
        </message>
        <message>
            <source>Do these steps in %1's web settings, then come back here.</source>
            <translation>请在%1的网页版设置中完成以下步骤，然后回到这里。</translation>
        </message>
        <message>
            <source>This mailbox cannot be added</source>
            <translation>无法添加此邮箱</translation>
        </message>
        <message>
            <source>%1 cannot be added with a password</source>
            <translation>无法用密码添加 %1</translation>
        </message>
        <message>
            <source>mailmanager signs in with a password or code only, so it cannot check this mailbox. Use the provider's own app, or a mail program that supports its sign-in page (OAuth).</source>
            <translation>邮箱授权码管家只能用密码或授权码登录，因此无法检测此邮箱。请使用服务商自己的应用，或支持其网页授权登录（OAuth）的邮件客户端。</translation>
        </message>
        <message>
            <source>This provider no longer lets mail programs sign in with a password.</source>
            <translation>该服务商已不再允许邮件客户端用密码登录。</translation>
        </message>
        <message>
            <source>Sending, counted from the first week</source>
            <translation>每天发信量（从开始发信的第一周算起）</translation>
        </message>
        <message>
            <source>Personal mailboxes are for one-to-one mail: never send in bulk.</source>
            <translation>个人邮箱只适合一对一往来，任何阶段都不要群发。</translation>
        </message>
        <message>
            <source>The provider's help page</source>
            <translation>服务商帮助页面</translation>
        </message>
    </context>
    <context>
        <name>ProviderInfo</name>
        <message>
            <source>Suitability</source>
            <translation>适用场景</translation>
        </message>
        <message>
            <source>%1.</source>
            <translation>%1。</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
        <message>
            <source>From week %1</source>
            <translation>第 %1 周起</translation>
        </message>
        <message>
            <source>Week %1</source>
            <translation>第 %1 周</translation>
        </message>
        <message>
            <source>Weeks %1–%2</source>
            <translation>第 %1–%2 周</translation>
        </message>
        <message>
            <source>%1–%2 messages a day</source>
            <translation>每天 %1–%2 封</translation>
        </message>
        <message>
            <source>at most %1 messages a day</source>
            <translation>每天最多 %1 封</translation>
        </message>
        <message>
            <source>about %1 messages a day</source>
            <translation>每天约 %1 封</translation>
        </message>
        <message>
            <source>%1, %2 minutes apart</source>
            <translation>%1，每封间隔 %2 分钟</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>显示详情…</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>隐藏详情…</translation>
        </message>
    </context>
    <context>
        <name>RegistrationGuide</name>
        <message>
            <source>Create a NetEase mailbox</source>
            <translation>注册网易邮箱</translation>
        </message>
        <message>
            <source>Register at mail.163.com or mail.126.com in the browser, then come back and add the new address here. What trips people up:</source>
            <translation>请在浏览器中打开 mail.163.com 或 mail.126.com 注册，注册好后回到这里添加新地址。注册时容易遇到这些问题：</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <source>The login check with this code did not succeed, so nothing was saved.</source>
            <translation>用此授权码登录检测没有通过，因此未保存任何内容。</translation>
        </message>
    </context>
    <context>
        <name>RelativeTime</name>
        <message>
            <source>Never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>Just now</source>
            <translation>刚刚</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n 小时前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RotateDaysSpin</name>
        <message>
            <source>Never</source>
            <translation>不提醒</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
    </context>
    <context>
        <name>Secrets</name>
        <message>
            <source>No secure keyring is available, so the code cannot be stored. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</source>
            <translation>没有可用的安全密钥环，无法保存授权码。请安装并启动密钥环服务（例如 GNOME 密钥环或 KWallet），然后重试。</translation>
        </message>
        <message>
            <source>No secure keyring is available, so the stored code cannot be read. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</source>
            <translation>没有可用的安全密钥环，因此无法读取已保存的授权码。请安装并启动密钥环服务（例如 GNOME Keyring 或 KWallet），然后重试。</translation>
        </message>
        <message>
            <source>The only keyring available would keep the code unprotected, so mailmanager refuses to store it. Set up a secure keyring service (for example GNOME Keyring or KWallet).</source>
            <translation>当前唯一可用的密钥环不会加密保护授权码，因此邮箱授权码管家拒绝保存。请设置安全的密钥环服务（例如 GNOME 密钥环或 KWallet）。</translation>
        </message>
        <message>
            <source>The keyring is locked. Unlock it (usually with your login password) and try again.</source>
            <translation>密钥环已锁定。请解锁（通常用你的电脑登录密码）后重试。</translation>
        </message>
        <message>
            <source>The keyring could not be opened. Make sure a default keyring exists and is unlocked, then try again.</source>
            <translation>无法打开密钥环。请确认默认密钥环存在且已解锁，然后重试。</translation>
        </message>
        <message>
            <source>The keyring service could not be reached. Make sure you are logged in to a desktop session with a running keyring service, then try again.</source>
            <translation>无法连接密钥环服务。请确认你已登录桌面会话，且密钥环服务正在运行，然后重试。</translation>
        </message>
        <message>
            <source>The keyring accepted the code but did not keep it, so it is not safe to rely on.</source>
            <translation>密钥环接受了授权码却没有保存下来，不能放心使用。</translation>
        </message>
        <message>
            <source>The code could not be removed from the keyring.</source>
            <translation>无法从密钥环中删除授权码。</translation>
        </message>
        <message>
            <source>The code is empty.</source>
            <translation>授权码为空。</translation>
        </message>
        <message>
            <source>The keyring did not answer within %1 s, so nothing was changed. Make sure the keyring service is running and responding, then try again.</source>
            <translation>密钥环在 %1 秒内没有响应，因此没有做任何更改。请确认密钥环服务正在运行并能响应，然后重试。</translation>
        </message>
    </context>
    <context>
        <name>Security</name>
        <message>
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>None (unencrypted)</source>
            <translation>无（不加密）</translation>
        </message>
    </context>
    <context>
        <name>Servers</name>
        <message>
            <source>%1, port %2, %3</source>
            <translation>%1，端口 %2，%3</translation>
        </message>
    </context>
    <context>
        <name>ServersPage</name>
        <message>
            <source>Check the server settings</source>
            <translation>核对服务器设置</translation>
        </message>
        <message>
            <source>These were filled in for you. Change them only if your provider says so.</source>
            <translation>以下设置已自动填好。除非服务商另有说明，否则无需修改。</translation>
        </message>
        <message>
            <source>Server group:</source>
            <translation>服务器组：</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP)</source>
            <translation>收信服务器（IMAP）</translation>
        </message>
        <message>
            <source>Sending mail (SMTP)</source>
            <translation>发信服务器（SMTP）</translation>
        </message>
        <message>
            <source>Change servers…</source>
            <translation>更改服务器…</translation>
        </message>
        <message>
            <source>Without encryption the code travels as readable text</source>
            <translation>不加密时，授权码会以明文传输</translation>
        </message>
        <message>
            <source>Choose "None" only for a server on your own network that offers nothing else. mailmanager never falls back to it on its own.</source>
            <translation>只有当服务器在你自己的网络中、且不支持任何加密方式时，才选择“无”。邮箱授权码管家绝不会自动改用不加密的连接。</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>高级</translation>
        </message>
        <message>
            <source>only for a company server with its own certificate</source>
            <translation>仅用于使用自有证书的公司服务器</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Extra CA certificate (PEM):</source>
            <translation>额外的 CA 证书（PEM）：</translation>
        </message>
        <message>
            <source>%1 (not confirmed by the provider)</source>
            <translation>%1（未经服务商确认）</translation>
        </message>
        <message>
            <source>My own settings</source>
            <translation>自定义设置</translation>
        </message>
        <message>
            <source>Use this group if the first one does not connect from your network.</source>
            <translation>如果在你的网络中连不上第一组服务器，请使用这一组。</translation>
        </message>
        <message>
            <source>These servers come from third-party sources, not the provider; the test will show whether they work.</source>
            <translation>这些服务器来自第三方资料，并非服务商公布；测试后就知道能否使用。</translation>
        </message>
        <message>
            <source>These are %1's servers from the built-in list; most people never need to change them.</source>
            <translation>以下是内置服务商列表中%1的服务器，一般无需修改。</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>收信（IMAP）</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>发信（SMTP）</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Choose the CA certificate</source>
            <translation>选择 CA 证书</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>&lt; Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Add a mailbox</source>
            <translation>添加邮箱</translation>
        </message>
        <message>
            <source>Fix a mailbox</source>
            <translation>修复邮箱</translation>
        </message>
        <message>
            <source>Replace the code</source>
            <translation>更换授权码</translation>
        </message>
        <message>
            <source>The last check of this mailbox failed</source>
            <translation>此邮箱上次检测失败</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>第 %1 步，共 %2 步</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Code rejected</source>
            <translation>授权码被拒</translation>
        </message>
        <message>
            <source>The server rejected the authorization code or password.</source>
            <translation>服务器拒绝了授权码或密码。</translation>
        </message>
        <message>
            <source>Service off</source>
            <translation>服务未开启</translation>
        </message>
        <message>
            <source>IMAP or SMTP is not enabled in the mailbox's web settings.</source>
            <translation>邮箱的网页版设置中未开启 IMAP 或 SMTP 服务。</translation>
        </message>
        <message>
            <source>IP blocked</source>
            <translation>IP 受限</translation>
        </message>
        <message>
            <source>The administrator does not allow logins from this network.</source>
            <translation>管理员不允许从当前网络登录。</translation>
        </message>
        <message>
            <source>Unsafe login</source>
            <translation>不安全登录</translation>
        </message>
        <message>
            <source>The server refused to open the mailbox for this client.</source>
            <translation>服务器拒绝为此客户端打开邮箱。</translation>
        </message>
        <message>
            <source>Code expired</source>
            <translation>授权码过期</translation>
        </message>
        <message>
            <source>The authorization code is past its expiry date.</source>
            <translation>授权码已超过有效期。</translation>
        </message>
        <message>
            <source>Needs code</source>
            <translation>缺少授权码</translation>
        </message>
        <message>
            <source>No authorization code is stored for this mailbox yet.</source>
            <translation>此邮箱还没有保存授权码。</translation>
        </message>
        <message>
            <source>Insecure, refused</source>
            <translation>无法加密</translation>
        </message>
        <message>
            <source>The server did not offer encryption, so the code was not sent.</source>
            <translation>服务器没有提供加密连接，因此没有发送授权码。</translation>
        </message>
        <message>
            <source>Certificate error</source>
            <translation>证书错误</translation>
        </message>
        <message>
            <source>The secure connection failed or the certificate is wrong.</source>
            <translation>加密连接失败，或证书有误。</translation>
        </message>
        <message>
            <source>Server not found</source>
            <translation>找不到服务器</translation>
        </message>
        <message>
            <source>The server name could not be found.</source>
            <translation>找不到该服务器地址。</translation>
        </message>
        <message>
            <source>Cannot connect</source>
            <translation>无法连接</translation>
        </message>
        <message>
            <source>The server could not be reached.</source>
            <translation>无法连接到服务器。</translation>
        </message>
        <message>
            <source>Protocol error</source>
            <translation>协议错误</translation>
        </message>
        <message>
            <source>The server answered in a way that was not understood.</source>
            <translation>无法识别服务器的响应。</translation>
        </message>
        <message>
            <source>Timed out</source>
            <translation>连接超时</translation>
        </message>
        <message>
            <source>The server did not answer in time.</source>
            <translation>服务器没有及时响应。</translation>
        </message>
        <message>
            <source>Temporary failure</source>
            <translation>临时故障</translation>
        </message>
        <message>
            <source>The server reported a temporary problem; it will be retried.</source>
            <translation>服务器报告了临时故障，稍后会自动重试。</translation>
        </message>
        <message>
            <source>Log in on web</source>
            <translation>需网页登录</translation>
        </message>
        <message>
            <source>Log in on the web soon, or the provider may recycle the mailbox.</source>
            <translation>请尽快在网页版登录，否则服务商可能会回收邮箱。</translation>
        </message>
        <message>
            <source>Expiring soon</source>
            <translation>即将过期</translation>
        </message>
        <message>
            <source>The authorization code expires within 14 days.</source>
            <translation>授权码将在 14 天内过期。</translation>
        </message>
        <message>
            <source>Rotation due</source>
            <translation>该更换了</translation>
        </message>
        <message>
            <source>The code is older than its rotation interval.</source>
            <translation>授权码已超过设定的更换周期。</translation>
        </message>
        <message>
            <source>Checking</source>
            <translation>检测中</translation>
        </message>
        <message>
            <source>A check is running now.</source>
            <translation>正在检测。</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Automatic checks are paused for this mailbox.</source>
            <translation>此邮箱的自动检测已暂停。</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>未检测</translation>
        </message>
        <message>
            <source>This mailbox has not been checked yet.</source>
            <translation>此邮箱尚未检测。</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Receiving and sending logins work.</source>
            <translation>收信和发信登录均正常。</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>The account database {path} cannot be used.</source>
            <translation>无法使用账号数据库 {path}。</translation>
        </message>
        <message>
            <source>The account database {path} is damaged. It was left as it is; restore it from a backup or move it aside, then import your last export.</source>
            <translation>账号数据库 {path} 已损坏，文件保持原样未动。请从备份恢复，或把它移到别处，然后导入你最近一次导出的文件。</translation>
        </message>
        <message>
            <source>The account database {path} is busy: another program is writing to it. Try again in a moment.</source>
            <translation>账号数据库 {path} 正被另一个程序写入，请稍后重试。</translation>
        </message>
        <message>
            <source>The account database {path} was written by a newer version of mailmanager. Update mailmanager to open it; the file was not changed.</source>
            <translation>账号数据库 {path} 由更新版本的邮箱授权码管家写入。请升级邮箱授权码管家后再打开；文件没有被改动。</translation>
        </message>
        <message>
            <source>The mailbox {path} is already in the list.</source>
            <translation>邮箱 {path} 已在列表中。</translation>
        </message>
        <message>
            <source>There is no mailbox {path} in the list.</source>
            <translation>列表中没有邮箱 {path}。</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled {path}.</source>
            <translation>此邮箱已有用途为“{path}”的授权码。</translation>
        </message>
        <message>
            <source>This mailbox has no code labelled {path}.</source>
            <translation>此邮箱没有用途为“{path}”的授权码。</translation>
        </message>
    </context>
    <context>
        <name>TableImport</name>
        <message>
            <source>the login check failed: %1</source>
            <translation>登录检测未通过：%1</translation>
        </message>
        <message>
            <source>not checked: the import was cancelled</source>
            <translation>未检测：导入已取消</translation>
        </message>
        <message>
            <source>not checked: the batch paused when the server of row %1 asked to slow down; retry later</source>
            <translation>未检测：第 %1 行的服务器要求放慢速度，批量检测已暂停；请稍后重试</translation>
        </message>
        <message>
            <source>the server asked to slow down (rate limit); the batch paused here</source>
            <translation>服务器要求放慢速度（登录频率受限），批量检测在此暂停</translation>
        </message>
        <message>
            <source>saved although its check failed: it needs a fix</source>
            <translation>检测未通过但已按你的要求保存：需要修复</translation>
        </message>
        <message>
            <source>added to the list meanwhile; left as it is</source>
            <translation>期间已被加入列表，保持原样</translation>
        </message>
        <message>
            <source>not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <source>not sent: %1</source>
            <translation>未发送授权码：%1</translation>
        </message>
        <message>
            <source>not a valid address: %1</source>
            <translation>不是有效的邮箱地址：%1</translation>
        </message>
        <message>
            <source>the row has no code</source>
            <translation>这一行没有授权码</translation>
        </message>
        <message>
            <source>the IMAP and SMTP passwords differ (a mailbox has one authorization code)</source>
            <translation>IMAP 与 SMTP 密码不同（一个邮箱只有一个授权码）</translation>
        </message>
        <message>
            <source>the code was stored as a number and lost digits: format the column as Text and type it again</source>
            <translation>授权码被表格存成了数字并丢失了位数：请把这一列设为“文本”格式后重新输入</translation>
        </message>
        <message>
            <source>the code has %1 characters but %2 codes have %3: it may have lost digits</source>
            <translation>授权码只有 %1 位，而%2的授权码是 %3 位：可能丢失了字符</translation>
        </message>
        <message>
            <source>the code holds line breaks or control characters</source>
            <translation>授权码中含有换行或控制字符</translation>
        </message>
        <message>
            <source>%1 no longer accepts authorization codes</source>
            <translation>%1 已不再接受授权码</translation>
        </message>
        <message>
            <source>%1 port %2 is not a number between 1 and 65535</source>
            <translation>%1 端口 %2 不是 1 到 65535 之间的数字</translation>
        </message>
        <message>
            <source>%1 port %2 is not a standard port: add a security column (ssl, starttls or plain)</source>
            <translation>%1 端口 %2 不是标准端口：请加上“加密方式”列（ssl、starttls 或 plain）</translation>
        </message>
        <message>
            <source>%1 security %2 is not ssl, starttls or plain</source>
            <translation>%1 加密方式“%2”不是 ssl、starttls 或 plain</translation>
        </message>
        <message>
            <source>the %1 server is missing and the provider of %2 is not in the catalogue</source>
            <translation>缺少 %1 服务器，且 %2 的服务商不在内置目录中</translation>
        </message>
        <message>
            <source>cannot keep this row: %1</source>
            <translation>无法保存这一行：%1</translation>
        </message>
        <message>
            <source>the address is already on row %1</source>
            <translation>该地址已在第 %1 行出现</translation>
        </message>
        <message>
            <source>already in the list with other settings (it is never overwritten)</source>
            <translation>已在列表中且设置不同（不会被覆盖）</translation>
        </message>
        <message>
            <source>already in the list with these settings</source>
            <translation>已在列表中，设置相同</translation>
        </message>
        <message>
            <source>proved, but not saved (the save stopped before it)</source>
            <translation>已验证，但未保存（保存在它之前中止了）</translation>
        </message>
    </context>
    <context>
        <name>TableImportDialog</name>
        <message>
            <source>Import mailboxes from a spreadsheet</source>
            <translation>从表格批量导入邮箱</translation>
        </message>
        <message>
            <source>for rows without a group column</source>
            <translation>用于没有“分组”列的行</translation>
        </message>
        <message>
            <source>System certificates only</source>
            <translation>仅使用系统证书</translation>
        </message>
        <message>
            <source>Fro&amp;m a file</source>
            <translation>从文件导入(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>分组(&amp;G)：</translation>
        </message>
        <message>
            <source>Code &amp;label:</source>
            <translation>授权码用途(&amp;L)：</translation>
        </message>
        <message>
            <source>Choose C&amp;A file…</source>
            <translation>选择 CA 证书文件(&amp;A)…</translation>
        </message>
        <message>
            <source>Extra CA certificates for servers with their own CA (a company's server)</source>
            <translation>为使用自有 CA 的服务器（如公司自建服务器）额外信任的 CA 证书</translation>
        </message>
        <message>
            <source>Certificates:</source>
            <translation>证书：</translation>
        </message>
        <message>
            <source>Which column holds what?</source>
            <translation>每一列分别是什么？</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>邮箱地址</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>服务商</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Trust</source>
            <translation>信任</translation>
        </message>
        <message>
            <source>%v of %m checked</source>
            <translation>已检测 %v / %m</translation>
        </message>
        <message>
            <source>The codes are now in the system keyring. The spreadsheet still holds them in plain text: delete it or keep it somewhere safe.</source>
            <translation>授权码现已保存在系统密钥环中。但表格文件里仍以明文保存着它们：请删除该文件，或把它放在安全的地方。</translation>
        </message>
        <message>
            <source>&amp;Open its folder</source>
            <translation>打开所在文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Check codes</source>
            <translation>检测授权码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Retry failed rows</source>
            <translation>重试未通过的行(&amp;R)</translation>
        </message>
        <message>
            <source>Also save faile&amp;d rows (marked as needing a fix)</source>
            <translation>同时保存未通过的行(&amp;D)（标记为需要修复）</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Choose &amp;file…</source>
            <translation>选择文件(&amp;F)…</translation>
        </message>
        <message>
            <source>R&amp;ead the lines</source>
            <translation>读取这些行(&amp;E)</translation>
        </message>
        <message>
            <source>Pro&amp;vider of these mailboxes:</source>
            <translation>这些邮箱的服务商(&amp;V)：</translation>
        </message>
        <message>
            <source>&amp;Use these columns</source>
            <translation>使用这些列(&amp;U)</translation>
        </message>
        <message>
            <source>Look up the servers of these domains on the network (as Add does)</source>
            <translation>通过网络查找这些域名的服务器（与“添加邮箱”相同）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>CSV, TSV or Excel (.xlsx) file</source>
            <translation>CSV、TSV 或 Excel（.xlsx）文件</translation>
        </message>
        <message>
            <source>The workbook's sheet to import</source>
            <translation>要导入的工作表</translation>
        </message>
        <message>
            <source>One mailbox per line: address code, or address,code</source>
            <translation>每行一个邮箱：地址 授权码，或 地址,授权码</translation>
        </message>
        <message>
            <source>Provider from each address</source>
            <translation>按每个地址识别服务商</translation>
        </message>
        <message>
            <source>Choose a spreadsheet</source>
            <translation>选择表格文件</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx)</source>
            <translation>表格文件 (*.csv *.tsv *.txt *.xlsx)</translation>
        </message>
        <message>
            <source>Choose CA certificates</source>
            <translation>选择 CA 证书</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>证书文件 (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Not used: %1</source>
            <translation>未使用：%1</translation>
        </message>
        <message>
            <source>%1 (SHA-256 %2…)</source>
            <translation>%1（SHA-256 %2…）</translation>
        </message>
        <message>
            <source>Choose the columns that hold the address and the code.</source>
            <translation>请选择邮箱地址和授权码所在的列。</translation>
        </message>
        <message>
            <source>This file cannot be read: %1</source>
            <translation>无法读取这个文件：%1</translation>
        </message>
        <message>
            <source>(not used)</source>
            <translation>（不使用）</translation>
        </message>
        <message>
            <source>Send this row's code to these servers (every row at this domain)</source>
            <translation>允许把授权码发送到这些服务器（同一域名的所有行）</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n 行</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>Paused at row %1: the provider asked to slow down. Wait a few minutes, then use Retry failed rows.</source>
            <translation>已在第 %1 行暂停：服务商要求放慢速度。请等几分钟，再点“重试未通过的行”。</translation>
        </message>
        <message numerus="yes">
            <source>Find servers for %n domain(s)</source>
            <translation>
                <numerusform>查找 %n 个域名的服务器</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving stopped: %1</source>
            <translation>保存已中止：%1</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
    </context>
    <context>
        <name>TableImportRow</name>
        <message>
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <source>Proved</source>
            <translation>已验证</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>无变化</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>Needs your confirmation</source>
            <translation>需要你确认</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>无效</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>检测中…</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>未检测</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>邮箱地址</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>显示名</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>授权码</translation>
        </message>
        <message>
            <source>IMAP password</source>
            <translation>IMAP 密码</translation>
        </message>
        <message>
            <source>SMTP password</source>
            <translation>SMTP 密码</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>IMAP user name</source>
            <translation>IMAP 用户名</translation>
        </message>
        <message>
            <source>SMTP user name</source>
            <translation>SMTP 用户名</translation>
        </message>
        <message>
            <source>IMAP server</source>
            <translation>收信服务器 (IMAP)</translation>
        </message>
        <message>
            <source>IMAP port</source>
            <translation>收信端口</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>发信服务器 (SMTP)</translation>
        </message>
        <message>
            <source>SMTP port</source>
            <translation>发信端口</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>加密方式</translation>
        </message>
        <message>
            <source>IMAP encryption</source>
            <translation>收信加密方式</translation>
        </message>
        <message>
            <source>SMTP encryption</source>
            <translation>发信加密方式</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Code label</source>
            <translation>授权码用途</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>TestPage</name>
        <message>
            <source>Test the connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>mailmanager signs in to both servers once, opens the inbox read-only and asks whether it may send. No mail is sent.</source>
            <translation>邮箱授权码管家会分别登录收信和发信服务器一次，以只读方式打开收件箱，并询问能否发信。不会发送任何邮件。</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP)</source>
            <translation>收信（IMAP）</translation>
        </message>
        <message>
            <source>Sending mail (SMTP)</source>
            <translation>发信（SMTP）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Test again</source>
            <translation>重新测试</translation>
        </message>
        <message>
            <source>Enter the code again</source>
            <translation>重新填写授权码</translation>
        </message>
        <message>
            <source>Check the server settings</source>
            <translation>核对服务器设置</translation>
        </message>
        <message>
            <source>Open the web settings</source>
            <translation>打开网页版设置</translation>
        </message>
        <message>
            <source>Save anyway and fix it later (the failed test is kept with the mailbox)</source>
            <translation>仍然保存，稍后再修复（失败的测试结果会随邮箱一起保存）</translation>
        </message>
        <message>
            <source>The test was stopped. Nothing was saved.</source>
            <translation>测试已停止，未保存任何内容。</translation>
        </message>
        <message>
            <source>No code is stored for this mailbox</source>
            <translation>此邮箱没有保存授权码</translation>
        </message>
        <message>
            <source>Go back and choose to enter a new code.</source>
            <translation>请返回上一步，选择填写新的授权码。</translation>
        </message>
        <message>
            <source>The test could not run</source>
            <translation>无法进行测试</translation>
        </message>
        <message>
            <source>Both servers accepted the code. The mailbox works.</source>
            <translation>收信和发信服务器都接受了授权码，邮箱可以正常使用。</translation>
        </message>
        <message>
            <source>Click Save to keep this mailbox.</source>
            <translation>点击“保存”保留此邮箱。</translation>
        </message>
        <message>
            <source>Neither the receiving nor the sending test passed</source>
            <translation>收信和发信测试都没有通过</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP) did not work</source>
            <translation>收信（IMAP）测试未通过</translation>
        </message>
        <message>
            <source>Sending mail (SMTP) did not work</source>
            <translation>发信（SMTP）测试未通过</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>收信（IMAP）</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>发信（SMTP）</translation>
        </message>
        <message>
            <source>%1 What to do is the same as above.</source>
            <translation>%1处理方法同上。</translation>
        </message>
        <message>
            <source>The server said:</source>
            <translation>服务器返回：</translation>
        </message>
        <message>
            <source>Switch to %1 and test again</source>
            <translation>切换到“%1”并重新测试</translation>
        </message>
    </context>
    <context>
        <name>ThunderbirdSettings</name>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Your full name</source>
            <translation>您的全名</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>电子邮件地址</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>（授权码，单独复制）</translation>
        </message>
        <message>
            <source>Incoming server</source>
            <translation>收件服务器</translation>
        </message>
        <message>
            <source>Outgoing server</source>
            <translation>发件服务器</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>协议</translation>
        </message>
        <message>
            <source>Hostname</source>
            <translation>主机名</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Connection security</source>
            <translation>连接安全性</translation>
        </message>
        <message>
            <source>Authentication method</source>
            <translation>验证方式</translation>
        </message>
        <message>
            <source>Normal password</source>
            <translation>普通密码</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
    </context>
    <context>
        <name>TimelineStrip</name>
        <message>
            <source>no check</source>
            <translation>未检测</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Days OK: %1 · with failures: %2 · not checked: %3</source>
            <translation>正常 %1 天 · 有失败 %2 天 · 未检测 %3 天</translation>
        </message>
    </context>
    <context>
        <name>TrayIcon</name>
        <message>
            <source>Open mailmanager</source>
            <translation>打开邮箱授权码管家</translation>
        </message>
        <message>
            <source>Check all mailboxes</source>
            <translation>检测全部邮箱</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message numerus="yes">
            <source>Mailboxes that need attention: %n</source>
            <translation>
                <numerusform>需要处理的邮箱：%n 个</numerusform>
            </translation>
        </message>
        <message>
            <source>All mailboxes are working</source>
            <translation>所有邮箱均正常</translation>
        </message>
    </context>
    <context>
        <name>Trust</name>
        <message>
            <source>%1 is not part of %2 and is not one of the provider's known servers</source>
            <translation>%1 不属于 %2，也不是服务商已知的服务器</translation>
        </message>
        <message>
            <source>%1 was suggested by an unprotected source (plain HTTP or a guess)</source>
            <translation>%1 来自不受保护的来源（明文 HTTP 或猜测）</translation>
        </message>
        <message>
            <source>%1 would receive the code without encryption, and you did not choose that</source>
            <translation>%1 会以不加密的方式接收授权码，而这不是你选择的</translation>
        </message>
        <message>
            <source>the extra CA certificates (SHA-256 %1) were not chosen or confirmed by you</source>
            <translation>额外的 CA 证书（SHA-256 %1）不是你选择或确认的</translation>
        </message>
        <message>
            <source>%1 is not paired with %2 in any of the provider's server groups</source>
            <translation>在服务商的任何一组服务器中，%1 都不与 %2 搭配</translation>
        </message>
    </context>
    <context>
        <name>TrustDialog</name>
        <message>
            <source>Servers waiting for your confirmation</source>
            <translation>等待你确认的服务器</translation>
        </message>
        <message>
            <source>These mailboxes name servers that mailmanager does not send a code to until you confirm them: they are not the provider's, not part of the address's own domain, or not encrypted. Their checks send nothing until then. Tick only what you recognise; ask your mail administrator if you are not sure.</source>
            <translation>这些邮箱使用的服务器在你确认之前，邮箱授权码管家不会向它们发送授权码：它们不是服务商的服务器、不属于邮箱地址自己的域名，或者没有加密。在此之前，对这些邮箱的检测不会发送任何内容。只勾选你认识的服务器；拿不准就问问你的邮箱管理员。</translation>
        </message>
        <message>
            <source>Confirm the ticked servers</source>
            <translation>确认勾选的服务器</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>暂不</translation>
        </message>
    </context>
    <context>
        <name>TrustText</name>
        <message>
            <source>the built-in provider catalogue</source>
            <translation>内置的服务商目录</translation>
        </message>
        <message>
            <source>entered by you</source>
            <translation>你自己填写的</translation>
        </message>
        <message>
            <source>the domain's DNS records (%1)</source>
            <translation>域名的 DNS 记录（%1）</translation>
        </message>
        <message>
            <source>the domain's settings file over HTTPS (%1)</source>
            <translation>通过 HTTPS 获取的域名配置文件（%1）</translation>
        </message>
        <message>
            <source>a settings file fetched without encryption (%1)</source>
            <translation>未经加密获取的配置文件（%1）</translation>
        </message>
        <message>
            <source>a guess from common server names</source>
            <translation>根据常见服务器名称猜测</translation>
        </message>
        <message>
            <source>an imported settings file</source>
            <translation>导入的设置文件</translation>
        </message>
        <message>
            <source>a provider file you imported (%1)</source>
            <translation>你导入的服务商文件（%1）</translation>
        </message>
        <message>
            <source>saved by an earlier version of this app</source>
            <translation>由本程序的旧版本保存</translation>
        </message>
        <message>
            <source>confirmed by you on %1</source>
            <translation>你已于 %1 确认</translation>
        </message>
        <message>
            <source>%2 was suggested for %1 by a source that anyone on your network could have answered. Only continue if you know this server belongs to your mail provider.</source>
            <translation>%2 是为 %1 建议的服务器，但这个建议来自网络上任何人都可能伪造的来源。只有在你确定这台服务器属于你的邮箱服务商时才继续。</translation>
        </message>
        <message>
            <source>Mail for %1 would be handled by %2, which is not part of %3. Only continue if your mail administrator told you so.</source>
            <translation>%1 的邮件将由 %2 处理，而它不属于 %3。只有在你的邮箱管理员这样告诉你时才继续。</translation>
        </message>
        <message>
            <source>%2 would receive the code of %1 without encryption: anyone on the network could read it. Only allow this for a server on your own network.</source>
            <translation>%2 会以不加密的方式接收 %1 的授权码：网络上的任何人都能看到它。只对你自己局域网内的服务器这样做。</translation>
        </message>
        <message>
            <source>The extra CA certificate file saved with %1 cannot be read any more. If your mail administrator gave it to you, choose it again with Fix (servers page, Advanced).</source>
            <translation>%1 保存的额外 CA 证书文件已经无法读取。如果它是你的邮箱管理员提供的，请通过“修复”重新选择（服务器页面 → 高级）。</translation>
        </message>
        <message>
            <source>The servers of %1 would be trusted with extra CA certificates (SHA-256 %2). Only continue if your mail administrator gave you these certificates.</source>
            <translation>%1 的服务器将使用额外的 CA 证书（SHA-256 %2）来验证。只有在这些证书是你的邮箱管理员提供的时候才继续。</translation>
        </message>
        <message>
            <source>I trust %2 with the code of %1</source>
            <translation>我信任 %2，允许把 %1 的授权码发给它</translation>
        </message>
        <message>
            <source>Send the code of %1 to %2 without encryption</source>
            <translation>以不加密的方式把 %1 的授权码发给 %2</translation>
        </message>
        <message>
            <source>Trust these certificates for %1 (SHA-256 %2)</source>
            <translation>为 %1 信任这些证书（SHA-256 %2）</translation>
        </message>
    </context>
</TS>
