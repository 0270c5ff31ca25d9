<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AccountModel</name>
        <message>
            <source>Mailbox</source>
            <translation>Mailbox</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Last checked</source>
            <translation>Last checked</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>Authorization code</translation>
        </message>
        <message>
            <source>The mailbox address and its provider</source>
            <translation>The mailbox address and its provider</translation>
        </message>
        <message>
            <source>The most serious state; hover a badge to see all</source>
            <translation>The most serious state; hover a badge to see all</translation>
        </message>
        <message>
            <source>When the last login test ran</source>
            <translation>When the last login test ran</translation>
        </message>
        <message>
            <source>When the authorization code expires and how old it is</source>
            <translation>When the authorization code expires and how old it is</translation>
        </message>
        <message>
            <source>Code label: %1</source>
            <translation>Code label: %1</translation>
        </message>
        <message>
            <source>%1 checked %2: %3</source>
            <translation>%1 checked %2: %3</translation>
        </message>
        <message>
            <source>This mailbox has not been checked yet.</source>
            <translation>This mailbox has not been checked yet.</translation>
        </message>
        <message>
            <source>Created on %1</source>
            <translation>Created on %1</translation>
        </message>
        <message>
            <source>The code %1 was created on %2</source>
            <translation>The code %1 was created on %2</translation>
        </message>
        <message>
            <source>Expires on %1</source>
            <translation>Expires on %1</translation>
        </message>
        <message>
            <source>The code %1 expires on %2</source>
            <translation>The code %1 expires on %2</translation>
        </message>
        <message>
            <source>No dates are known for this code.</source>
            <translation>No dates are known for this code.</translation>
        </message>
    </context>
    <context>
        <name>AddCodeDialog</name>
        <message>
            <source>Add a code for another client</source>
            <translation>Add a code for another client</translation>
        </message>
        <message>
            <source>Make a new code in the web settings for the program or device that will use it (the sending platform, Foxmail, Thunderbird, a phone), and record it here under that client's name.</source>
            <translation>Make a new code in the web settings for the program or device that will use it (the sending platform, Foxmail, Thunderbird, a phone), and record it here under that client's name.</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Steps</translation>
        </message>
        <message>
            <source>for example Foxmail, or the sending platform</source>
            <translation>for example Foxmail, or the sending platform</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>Expires on</translation>
        </message>
        <message>
            <source>Open the &amp;web settings</source>
            <translation>Open the &amp;web settings</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>&amp;Made for:</translation>
        </message>
        <message>
            <source>C&amp;ode:</source>
            <translation>C&amp;ode:</translation>
        </message>
        <message>
            <source>E&amp;xpiry:</source>
            <translation>E&amp;xpiry:</translation>
        </message>
        <message>
            <source>&amp;Keep the code in the keyring, to copy it into the client later</source>
            <translation>&amp;Keep the code in the keyring, to copy it into the client later</translation>
        </message>
        <message>
            <source>C&amp;heck that it works (one login to each server)</source>
            <translation>C&amp;heck that it works (one login to each server)</translation>
        </message>
        <message>
            <source>&amp;Add the code</source>
            <translation>&amp;Add the code</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message numerus="yes">
            <source>This mailbox already has %n active code(s); the provider allows %1 at a time. Revoke one you no longer use first, or the provider may refuse the new one.</source>
            <translation>
                <numerusform>This mailbox already has %n active code; the provider allows %1 at a time. Revoke one you no longer use first, or the provider may refuse the new one.</numerusform>
                <numerusform>This mailbox already has %n active codes; the provider allows %1 at a time. Revoke one you no longer use first, or the provider may refuse the new one.</numerusform>
            </translation>
        </message>
        <message>
            <source>(This limit is not confirmed by the provider.)</source>
            <translation>(This limit is not confirmed by the provider.)</translation>
        </message>
        <message>
            <source>A label is required: the client the code is for.</source>
            <translation>A label is required: the client the code is for.</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled %1.</source>
            <translation>This mailbox already has a code labelled %1.</translation>
        </message>
        <message>
            <source>The mailbox's servers wait for your confirmation: confirm them in the main window first, or add the code without checking it.</source>
            <translation>The mailbox's servers wait for your confirmation: confirm them in the main window first, or add the code without checking it.</translation>
        </message>
        <message>
            <source>Checking the code…</source>
            <translation>Checking the code…</translation>
        </message>
        <message>
            <source>The login with this code did not succeed; nothing was added.</source>
            <translation>The login with this code did not succeed; nothing was added.</translation>
        </message>
    </context>
    <context>
        <name>AddressPage</name>
        <message>
            <source>Which mailbox do you want to add?</source>
            <translation>Which mailbox do you want to add?</translation>
        </message>
        <message>
            <source>Type the full e-mail address. mailmanager looks up the provider and its server settings for you.</source>
            <translation>Type the full e-mail address. mailmanager looks up the provider and its server settings for you.</translation>
        </message>
        <message>
            <source>for example name@163.com</source>
            <translation>for example name@163.com</translation>
        </message>
        <message>
            <source>optional, for example Work or Sales</source>
            <translation>optional, for example Work or Sales</translation>
        </message>
        <message>
            <source>E-mail address:</source>
            <translation>E-mail address:</translation>
        </message>
        <message>
            <source>Name in the list:</source>
            <translation>Name in the list:</translation>
        </message>
        <message>
            <source>Looking up the server settings…</source>
            <translation>Looking up the server settings…</translation>
        </message>
        <message>
            <source>Stop looking</source>
            <translation>Stop looking</translation>
        </message>
        <message>
            <source>Not right? Choose the provider or enter the servers yourself</source>
            <translation>Not right? Choose the provider or enter the servers yourself</translation>
        </message>
        <message>
            <source>I need to create a NetEase mailbox first</source>
            <translation>I need to create a NetEase mailbox first</translation>
        </message>
        <message>
            <source>An address cannot contain spaces.</source>
            <translation>An address cannot contain spaces.</translation>
        </message>
        <message>
            <source>The address needs an @, as in name@163.com.</source>
            <translation>The address needs an @, as in name@163.com.</translation>
        </message>
        <message>
            <source>Something must come before the @.</source>
            <translation>Something must come before the @.</translation>
        </message>
        <message>
            <source>After the @ comes the domain, for example 163.com or qq.com.</source>
            <translation>After the @ comes the domain, for example 163.com or qq.com.</translation>
        </message>
        <message>
            <source>This does not look like a valid e-mail address.</source>
            <translation>This does not look like a valid e-mail address.</translation>
        </message>
        <message>
            <source>Choose the provider…</source>
            <translation>Choose the provider…</translation>
        </message>
        <message>
            <source>Other: I will enter the servers myself</source>
            <translation>Other: I will enter the servers myself</translation>
        </message>
        <message>
            <source>Chosen by you.</source>
            <translation>Chosen by you.</translation>
        </message>
        <message>
            <source>Recognised from the address (built-in provider list).</source>
            <translation>Recognised from the address (built-in provider list).</translation>
        </message>
        <message>
            <source>From a provider file you imported.</source>
            <translation>From a provider file you imported.</translation>
        </message>
        <message>
            <source>Recognised from the domain's mail servers (MX records).</source>
            <translation>Recognised from the domain's mail servers (MX records).</translation>
        </message>
        <message>
            <source>Found in the domain's DNS service records (SRV).</source>
            <translation>Found in the domain's DNS service records (SRV).</translation>
        </message>
        <message>
            <source>From the domain's own setup file (autoconfig).</source>
            <translation>From the domain's own setup file (autoconfig).</translation>
        </message>
        <message>
            <source>Guessed from common server names. Please check them on the servers page.</source>
            <translation>Guessed from common server names. Please check them on the servers page.</translation>
        </message>
        <message>
            <source>Servers entered by hand</source>
            <translation>Servers entered by hand</translation>
        </message>
        <message>
            <source>Provider not recognised</source>
            <translation>Provider not recognised</translation>
        </message>
        <message>
            <source>No settings were found for this domain. Choose the provider below, or enter the servers yourself on a later page.</source>
            <translation>No settings were found for this domain. Choose the provider below, or enter the servers yourself on a later page.</translation>
        </message>
        <message>
            <source>Receiving (IMAP): %1 · Sending (SMTP): %2</source>
            <translation>Receiving (IMAP): %1 · Sending (SMTP): %2</translation>
        </message>
        <message>
            <source>Choose the provider from the list, or enter the servers yourself</source>
            <translation>Choose the provider from the list, or enter the servers yourself</translation>
        </message>
        <message>
            <source>Fix this mailbox</source>
            <translation>Fix this mailbox</translation>
        </message>
        <message>
            <source>Check the steps and settings again; nothing changes until a test passes.</source>
            <translation>Check the steps and settings again; nothing changes until a test passes.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>mailmanager cannot use the folder %1 for its data and logs (%2). Check that it is a folder you can write to, or start mailmanager with another --home folder.</source>
            <translation>mailmanager cannot use the folder %1 for its data and logs (%2). Check that it is a folder you can write to, or start mailmanager with another --home folder.</translation>
        </message>
        <message>
            <source>mailmanager cannot start</source>
            <translation>mailmanager cannot start</translation>
        </message>
    </context>
    <context>
        <name>AppleMailSettings</name>
        <message>
            <source>Account type</source>
            <translation>Account type</translation>
        </message>
        <message>
            <source>Email Address</source>
            <translation>Email Address</translation>
        </message>
        <message>
            <source>User Name</source>
            <translation>User Name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>(the code, copied on its own)</translation>
        </message>
        <message>
            <source>Incoming Mail Server</source>
            <translation>Incoming Mail Server</translation>
        </message>
        <message>
            <source>Outgoing Mail Server</source>
            <translation>Outgoing Mail Server</translation>
        </message>
        <message>
            <source>Server settings, incoming</source>
            <translation>Server settings, incoming</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Use TLS/SSL</source>
            <translation>Use TLS/SSL</translation>
        </message>
        <message>
            <source>Authentication</source>
            <translation>Authentication</translation>
        </message>
        <message>
            <source>Server settings, outgoing</source>
            <translation>Server settings, outgoing</translation>
        </message>
    </context>
    <context>
        <name>BackgroundControls</name>
        <message>
            <source>Could not check %1: its code is not in the system keyring. Enter it again with Replace code.</source>
            <translation>Could not check %1: its code is not in the system keyring. Enter it again with Replace code.</translation>
        </message>
        <message>
            <source>Could not check %1: something went wrong; the log has the details.</source>
            <translation>Could not check %1: something went wrong; the log has the details.</translation>
        </message>
        <message>
            <source>Offline: no mail server could be reached. Checks are paused until the network is back; the mailboxes keep their last results.</source>
            <translation>Offline: no mail server could be reached. Checks are paused until the network is back; the mailboxes keep their last results.</translation>
        </message>
        <message>
            <source>Back online: checks resume.</source>
            <translation>Back online: checks resume.</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>Check every</source>
            <translation>Check every</translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep running in the tray when closed</source>
            <translation>Keep running in the tray when closed</translation>
        </message>
        <message>
            <source>This desktop has no system tray.</source>
            <translation>This desktop has no system tray.</translation>
        </message>
        <message>
            <source>Start mailmanager when I log in</source>
            <translation>Start mailmanager when I log in</translation>
        </message>
        <message>
            <source>mailmanager</source>
            <translation>mailmanager</translation>
        </message>
        <message>
            <source>Starting at login could not be changed: %1</source>
            <translation>Starting at login could not be changed: %1</translation>
        </message>
        <message>
            <source>mailmanager keeps running</source>
            <translation>mailmanager keeps running</translation>
        </message>
        <message>
            <source>Checks go on in the background. Open mailmanager from the tray icon; quit it from the tray menu or with Ctrl+Q.</source>
            <translation>Checks go on in the background. Open mailmanager from the tray icon; quit it from the tray menu or with Ctrl+Q.</translation>
        </message>
    </context>
    <context>
        <name>BulkActions</name>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Paused checks of %n mailbox(es).</source>
            <translation>
                <numerusform>Paused checks of %n mailbox.</numerusform>
                <numerusform>Paused checks of %n mailboxes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Resumed checks of %n mailbox(es).</source>
            <translation>
                <numerusform>Resumed checks of %n mailbox.</numerusform>
                <numerusform>Resumed checks of %n mailboxes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %n mailbox(es) to “%1”.</source>
            <translation>
                <numerusform>Moved %n mailbox to “%1”.</numerusform>
                <numerusform>Moved %n mailboxes to “%1”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Took %n mailbox(es) out of their group.</source>
            <translation>
                <numerusform>Took %n mailbox out of their group.</numerusform>
                <numerusform>Took %n mailboxes out of their group.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Settings of %n mailbox(es) copied to the clipboard.</source>
            <translation>
                <numerusform>Settings of %n mailbox copied to the clipboard.</numerusform>
                <numerusform>Settings of %n mailboxes copied to the clipboard.</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove mailboxes</source>
            <translation>Remove mailboxes</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n mailbox(es) from mailmanager?</source>
            <translation>
                <numerusform>Remove %n mailbox from mailmanager?</numerusform>
                <numerusform>Remove %n mailboxes from mailmanager?</numerusform>
            </translation>
        </message>
        <message>
            <source>Their settings, their check history and their codes in the keyring will be deleted from this computer. The codes themselves still work until you revoke them: the next window links to each provider's web settings.</source>
            <translation>Their settings, their check history and their codes in the keyring will be deleted from this computer. The codes themselves still work until you revoke them: the next window links to each provider's web settings.</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Remove %n mailbox(es)</source>
            <translation>
                <numerusform>&amp;Remove %n mailbox</numerusform>
                <numerusform>&amp;Remove %n mailboxes</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message numerus="yes">
            <source>Removed %n mailbox(es).</source>
            <translation>
                <numerusform>Removed %n mailbox.</numerusform>
                <numerusform>Removed %n mailboxes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es)</source>
            <translation>
                <numerusform>%n mailbox</numerusform>
                <numerusform>%n mailboxes</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) whose web settings mailmanager does not know: sign in to their webmail.</source>
            <translation>
                <numerusform>%n mailbox whose web settings mailmanager does not know: sign in to their webmail.</numerusform>
                <numerusform>%n mailboxes whose web settings mailmanager does not know: sign in to their webmail.</numerusform>
            </translation>
        </message>
        <message>
            <source>Revoke the codes</source>
            <translation>Revoke the codes</translation>
        </message>
        <message>
            <source>The removed mailboxes' codes still work until you revoke them. Sign in to each mailbox's web settings and delete the authorization code made for this client:</source>
            <translation>The removed mailboxes' codes still work until you revoke them. Sign in to each mailbox's web settings and delete the authorization code made for this client:</translation>
        </message>
    </context>
    <context>
        <name>CheckSteps</name>
        <message>
            <source>Authenticating for sending</source>
            <translation>Authenticating for sending</translation>
        </message>
        <message>
            <source>Connecting to the server</source>
            <translation>Connecting to the server</translation>
        </message>
        <message>
            <source>Setting up encryption (TLS)</source>
            <translation>Setting up encryption (TLS)</translation>
        </message>
        <message>
            <source>Logging in with the code</source>
            <translation>Logging in with the code</translation>
        </message>
        <message>
            <source>Identifying the app to the server (ID)</source>
            <translation>Identifying the app to the server (ID)</translation>
        </message>
        <message>
            <source>Opening the inbox (read-only)</source>
            <translation>Opening the inbox (read-only)</translation>
        </message>
        <message>
            <source>Checking that mail may be sent from this address</source>
            <translation>Checking that mail may be sent from this address</translation>
        </message>
        <message>
            <source>Took %1 s</source>
            <translation>Took %1 s</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
    </context>
    <context>
        <name>ClientSettings</name>
        <message>
            <source>Any mail client</source>
            <translation>Any mail client</translation>
        </message>
        <message>
            <source>Apple Mail (Mac, iPhone, iPad)</source>
            <translation>Apple Mail (Mac, iPhone, iPad)</translation>
        </message>
        <message>
            <source>A phone's mail app (Android)</source>
            <translation>A phone's mail app (Android)</translation>
        </message>
        <message>
            <source>A sending platform (CSV columns)</source>
            <translation>A sending platform (CSV columns)</translation>
        </message>
        <message>
            <source>Password: the authorization code made for this client in the mailbox's web settings, not the login password (copied on its own).</source>
            <translation>Password: the authorization code made for this client in the mailbox's web settings, not the login password (copied on its own).</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>Mailbox</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Incoming mail (IMAP)</source>
            <translation>Incoming mail (IMAP)</translation>
        </message>
        <message>
            <source>Outgoing mail (SMTP)</source>
            <translation>Outgoing mail (SMTP)</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Security</source>
            <translation>Security</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
    </context>
    <context>
        <name>CodeDates</name>
        <message>
            <source>today</source>
            <translation>today</translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>No expiry date</source>
            <translation>No expiry date</translation>
        </message>
        <message numerus="yes">
            <source>Expires in %n day(s)</source>
            <translation>
                <numerusform>Expires in %n day</numerusform>
                <numerusform>Expires in %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>Expires today</source>
            <translation>Expires today</translation>
        </message>
        <message numerus="yes">
            <source>Expired %n day(s) ago</source>
            <translation>
                <numerusform>Expired %n day ago</numerusform>
                <numerusform>Expired %n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>Creation date unknown</source>
            <translation>Creation date unknown</translation>
        </message>
        <message>
            <source>Created today</source>
            <translation>Created today</translation>
        </message>
        <message numerus="yes">
            <source>Created %n day(s) ago</source>
            <translation>
                <numerusform>Created %n day ago</numerusform>
                <numerusform>Created %n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>Rotation due</source>
            <translation>Rotation due</translation>
        </message>
        <message numerus="yes">
            <source>Rotation in %n day(s)</source>
            <translation>
                <numerusform>Rotation in %n day</numerusform>
                <numerusform>Rotation in %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CodeEditDialog</name>
        <message>
            <source>Edit the code %1</source>
            <translation>Edit the code %1</translation>
        </message>
        <message>
            <source>Which device, who uses it…</source>
            <translation>Which device, who uses it…</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>Expires on</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>&amp;Made for:</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>E&amp;xpiry:</source>
            <translation>E&amp;xpiry:</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>Created:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>A label is required: the client the code is for.</source>
            <translation>A label is required: the client the code is for.</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled %1.</source>
            <translation>This mailbox already has a code labelled %1.</translation>
        </message>
        <message>
            <source>The expiry date is before the code was created (%1).</source>
            <translation>The expiry date is before the code was created (%1).</translation>
        </message>
    </context>
    <context>
        <name>CodeInventoryDialog</name>
        <message>
            <source>Providers advise one code per client: a separate code for every program or device, so you can revoke one without breaking the others. Keep track of them here.</source>
            <translation>Providers advise one code per client: a separate code for every program or device, so you can revoke one without breaking the others. Keep track of them here.</translation>
        </message>
        <message>
            <source>You compared the list in the web settings with this one today.</source>
            <translation>You compared the list in the web settings with this one today.</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Made for</source>
            <translation>Made for</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>Last proven</source>
            <translation>Last proven</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>The code only</source>
            <translation>The code only</translation>
        </message>
        <message>
            <source>Settings for a client, then the code…</source>
            <translation>Settings for a client, then the code…</translation>
        </message>
        <message>
            <source>One login to each server. Providers count logins, so only on request.</source>
            <translation>One login to each server. Providers count logins, so only on request.</translation>
        </message>
        <message>
            <source>mailmanager checks the mailbox with this code.</source>
            <translation>mailmanager checks the mailbox with this code.</translation>
        </message>
        <message>
            <source>Change the code's label, note or expiry date.</source>
            <translation>Change the code's label, note or expiry date.</translation>
        </message>
        <message>
            <source>Open the &amp;web settings</source>
            <translation>Open the &amp;web settings</translation>
        </message>
        <message>
            <source>Audi&amp;t done</source>
            <translation>Audi&amp;t done</translation>
        </message>
        <message>
            <source>Audit &amp;every</source>
            <translation>Audit &amp;every</translation>
        </message>
        <message>
            <source>&amp;Add a code for another client…</source>
            <translation>&amp;Add a code for another client…</translation>
        </message>
        <message>
            <source>Co&amp;py to a client</source>
            <translation>Co&amp;py to a client</translation>
        </message>
        <message>
            <source>&amp;Check this code</source>
            <translation>&amp;Check this code</translation>
        </message>
        <message>
            <source>&amp;Use it for checks</source>
            <translation>&amp;Use it for checks</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>Ed&amp;it…</translation>
        </message>
        <message>
            <source>I &amp;disabled this code…</source>
            <translation>I &amp;disabled this code…</translation>
        </message>
        <message>
            <source>I c&amp;hanged my web password or switched IMAP off…</source>
            <translation>I c&amp;hanged my web password or switched IMAP off…</translation>
        </message>
        <message>
            <source>C&amp;lose</source>
            <translation>C&amp;lose</translation>
        </message>
        <message>
            <source>Make a &amp;new code for mailmanager…</source>
            <translation>Make a &amp;new code for mailmanager…</translation>
        </message>
        <message>
            <source>Codes of %1</source>
            <translation>Codes of %1</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>No expiry</source>
            <translation>No expiry</translation>
        </message>
        <message>
            <source>Not proven</source>
            <translation>Not proven</translation>
        </message>
        <message>
            <source>Kept in the keyring</source>
            <translation>Kept in the keyring</translation>
        </message>
        <message>
            <source>Not kept</source>
            <translation>Not kept</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Revoked</translation>
        </message>
        <message>
            <source>Invalidated</source>
            <translation>Invalidated</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Revoked on %1</source>
            <translation>Revoked on %1</translation>
        </message>
        <message>
            <source>%1 (mailmanager checks with it)</source>
            <translation>%1 (mailmanager checks with it)</translation>
        </message>
        <message>
            <source>Never compared with the provider's list yet.</source>
            <translation>Never compared with the provider's list yet.</translation>
        </message>
        <message>
            <source>Last compared on %1.</source>
            <translation>Last compared on %1.</translation>
        </message>
        <message>
            <source>Time to compare with the provider's list</source>
            <translation>Time to compare with the provider's list</translation>
        </message>
        <message>
            <source>the provider's web settings</source>
            <translation>the provider's web settings</translation>
        </message>
        <message>
            <source>Open %1, compare its list of authorized clients with the list below, disable the codes nobody uses any more and mark them here, then click Audit done.</source>
            <translation>Open %1, compare its list of authorized clients with the list below, disable the codes nobody uses any more and mark them here, then click Audit done.</translation>
        </message>
        <message numerus="yes">
            <source>The provider allows %1 active code(s) at a time; this mailbox has %n.</source>
            <translation>
                <numerusform>The provider allows %1 active code at a time; this mailbox has %n.</numerusform>
                <numerusform>The provider allows %1 active codes at a time; this mailbox has %n.</numerusform>
            </translation>
        </message>
        <message>
            <source>(This limit is not confirmed by the provider.)</source>
            <translation>(This limit is not confirmed by the provider.)</translation>
        </message>
        <message>
            <source>Not proven for a long time: %1</source>
            <translation>Not proven for a long time: %1</translation>
        </message>
        <message>
            <source>If you no longer use these clients, disable their codes in the web settings and mark them revoked here.</source>
            <translation>If you no longer use these clients, disable their codes in the web settings and mark them revoked here.</translation>
        </message>
        <message>
            <source>Audit recorded.</source>
            <translation>Audit recorded.</translation>
        </message>
        <message>
            <source>Audit interval saved.</source>
            <translation>Audit interval saved.</translation>
        </message>
        <message>
            <source>Added the code %1.</source>
            <translation>Added the code %1.</translation>
        </message>
        <message>
            <source>Saved the code %1.</source>
            <translation>Saved the code %1.</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Mark the code %1 as revoked? Do this once you have disabled it in the web settings; mailmanager then forgets its value.</source>
            <translation>Mark the code %1 as revoked? Do this once you have disabled it in the web settings; mailmanager then forgets its value.</translation>
        </message>
        <message>
            <source>mailmanager checks the mailbox with this code: it will need a new one.</source>
            <translation>mailmanager checks the mailbox with this code: it will need a new one.</translation>
        </message>
        <message>
            <source>Revoke a code</source>
            <translation>Revoke a code</translation>
        </message>
        <message>
            <source>&amp;Mark as revoked</source>
            <translation>&amp;Mark as revoked</translation>
        </message>
        <message>
            <source>&amp;Mark all invalidated</source>
            <translation>&amp;Mark all invalidated</translation>
        </message>
        <message>
            <source>The code %1 is marked revoked.</source>
            <translation>The code %1 is marked revoked.</translation>
        </message>
        <message>
            <source>Changing the web login password or switching IMAP/SMTP off stops every authorization code of this mailbox. Mark all of them invalidated? Checks pause until you give mailmanager a new code, and each client needs a new code too.</source>
            <translation>Changing the web login password or switching IMAP/SMTP off stops every authorization code of this mailbox. Mark all of them invalidated? Checks pause until you give mailmanager a new code, and each client needs a new code too.</translation>
        </message>
        <message>
            <source>Every code stopped working</source>
            <translation>Every code stopped working</translation>
        </message>
        <message>
            <source>Every code is marked invalidated and checks are paused. Make a new code for mailmanager (Fix in the main window), then one for each client you use.</source>
            <translation>Every code is marked invalidated and checks are paused. Make a new code for mailmanager (Fix in the main window), then one for each client you use.</translation>
        </message>
        <message>
            <source>mailmanager now checks with the code %1.</source>
            <translation>mailmanager now checks with the code %1.</translation>
        </message>
        <message>
            <source>Checking the code %1…</source>
            <translation>Checking the code %1…</translation>
        </message>
        <message>
            <source>The value of this code is not in the keyring.</source>
            <translation>The value of this code is not in the keyring.</translation>
        </message>
        <message>
            <source>The code %1 works.</source>
            <translation>The code %1 works.</translation>
        </message>
        <message>
            <source>The login with the code %1 did not succeed.</source>
            <translation>The login with the code %1 did not succeed.</translation>
        </message>
        <message numerus="yes">
            <source>Copied the code %1 for pasting into its client; the clipboard is cleared in %n second(s).</source>
            <translation>
                <numerusform>Copied the code %1 for pasting into its client; the clipboard is cleared in %n second.</numerusform>
                <numerusform>Copied the code %1 for pasting into its client; the clipboard is cleared in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CodeOnceBox</name>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>Copy it the moment it appears, before you click anything else.</source>
            <translation>Copy it the moment it appears, before you click anything else.</translation>
        </message>
        <message>
            <source>Paste it straight into mailmanager, and keep a copy in your password manager if you want one.</source>
            <translation>Paste it straight into mailmanager, and keep a copy in your password manager if you want one.</translation>
        </message>
        <message>
            <source>Make a separate code for each mail program or device, so you can revoke one without breaking the others.</source>
            <translation>Make a separate code for each mail program or device, so you can revoke one without breaking the others.</translation>
        </message>
        <message>
            <source>Name it after the program it is for (for example mailmanager), so you recognise it later in the list of codes.</source>
            <translation>Name it after the program it is for (for example mailmanager), so you recognise it later in the list of codes.</translation>
        </message>
        <message>
            <source>%1 shows the %2 only once</source>
            <translation>%1 shows the %2 only once</translation>
        </message>
        <message>
            <source>As soon as you close the window that shows it, it cannot be displayed again. If it is lost, the only way out is to create a new one.</source>
            <translation>As soon as you close the window that shows it, it cannot be displayed again. If it is lost, the only way out is to create a new one.</translation>
        </message>
        <message>
            <source>I &amp;understand: the %1 is shown only once, and I will copy it right away.</source>
            <translation>I &amp;understand: the %1 is shown only once, and I will copy it right away.</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <source>Confirm the server</source>
            <translation>Confirm the server</translation>
        </message>
        <message>
            <source>mailmanager sends a code only to servers you agreed to, and only encrypted.</source>
            <translation>mailmanager sends a code only to servers you agreed to, and only encrypted.</translation>
        </message>
        <message>
            <source>Nothing has been sent to these servers. If you are not sure, go back and choose the provider's own servers, or ask your mail administrator.</source>
            <translation>Nothing has been sent to these servers. If you are not sure, go back and choose the provider's own servers, or ask your mail administrator.</translation>
        </message>
        <message>
            <source>This server is not your provider's</source>
            <translation>This server is not your provider's</translation>
        </message>
        <message>
            <source>The settings below did not come from the built-in catalogue or from you. A wrong server would receive your code and could read and send your mail.</source>
            <translation>The settings below did not come from the built-in catalogue or from you. A wrong server would receive your code and could read and send your mail.</translation>
        </message>
        <message>
            <source>Suggested by: %1</source>
            <translation>Suggested by: %1</translation>
        </message>
    </context>
    <context>
        <name>ConfirmRemoval</name>
        <message>
            <source>Remove mailbox</source>
            <translation>Remove mailbox</translation>
        </message>
        <message>
            <source>Remove %1 from mailmanager?</source>
            <translation>Remove %1 from mailmanager?</translation>
        </message>
        <message>
            <source>Its settings, its check history and its code in the keyring will be deleted from this computer.

The code itself still works until you revoke it: sign in to the mailbox's web settings and delete the authorization code made for this client.</source>
            <translation>Its settings, its check history and its code in the keyring will be deleted from this computer.

The code itself still works until you revoke it: sign in to the mailbox's web settings and delete the authorization code made for this client.</translation>
        </message>
        <message>
            <source>The web settings of this mailbox: %1</source>
            <translation>The web settings of this mailbox: %1</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
    </context>
    <context>
        <name>CopyToClientDialog</name>
        <message>
            <source>Copy the code %1 to its client</source>
            <translation>Copy the code %1 to its client</translation>
        </message>
        <message>
            <source>Choose the client: its settings are shown in the order its account dialog asks for them. Copy the settings, fill them in, then copy the code into the password field.</source>
            <translation>Choose the client: its settings are shown in the order its account dialog asks for them. Copy the settings, fill them in, then copy the code into the password field.</translation>
        </message>
        <message>
            <source>C&amp;lient:</source>
            <translation>C&amp;lient:</translation>
        </message>
        <message>
            <source>Copy the &amp;settings</source>
            <translation>Copy the &amp;settings</translation>
        </message>
        <message>
            <source>Copy the c&amp;ode</source>
            <translation>Copy the c&amp;ode</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Marked as a password for clipboard managers and cleared after 30 seconds.</source>
            <translation>Marked as a password for clipboard managers and cleared after 30 seconds.</translation>
        </message>
        <message>
            <source>Settings for %1 copied. Now fill them in, then copy the code.</source>
            <translation>Settings for %1 copied. Now fill them in, then copy the code.</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>mailmanager: unexpected error</source>
            <translation>mailmanager: unexpected error</translation>
        </message>
        <message>
            <source>Something went wrong inside mailmanager.</source>
            <translation>Something went wrong inside mailmanager.</translation>
        </message>
        <message>
            <source>The app is still running, but what you just did may not have finished. The report below has also been written to the log, with authorization codes removed. Please copy it into a bug report if the problem comes back.</source>
            <translation>The app is still running, but what you just did may not have finished. The report below has also been written to the log, with authorization codes removed. Please copy it into a bug report if the problem comes back.</translation>
        </message>
        <message>
            <source>Log file:</source>
            <translation>Log file:</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>Copy report</translation>
        </message>
        <message>
            <source>Quit mailmanager</source>
            <translation>Quit mailmanager</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
    </context>
    <context>
        <name>CredentialPage</name>
        <message>
            <source>Paste the code</source>
            <translation>Paste the code</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>The name you gave the code on the provider's website, so you can find it.</source>
            <translation>The name you gave the code on the provider's website, so you can find it.</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>Expires on</translation>
        </message>
        <message>
            <source>mailmanager reminds you to replace the code after this many days.</source>
            <translation>mailmanager reminds you to replace the code after this many days.</translation>
        </message>
        <message>
            <source>Made for:</source>
            <translation>Made for:</translation>
        </message>
        <message>
            <source>Created on:</source>
            <translation>Created on:</translation>
        </message>
        <message>
            <source>Expiry:</source>
            <translation>Expiry:</translation>
        </message>
        <message>
            <source>Remind me after:</source>
            <translation>Remind me after:</translation>
        </message>
        <message>
            <source>password or code</source>
            <translation>password or code</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>The spaces were removed: they are only there to make the code easier to read.</source>
            <translation>The spaces were removed: they are only there to make the code easier to read.</translation>
        </message>
        <message>
            <source>Stored only in your system's keyring, never in a file.</source>
            <translation>Stored only in your system's keyring, never in a file.</translation>
        </message>
        <message numerus="yes">
            <source>This does not look like a %1, which has %n characters. If this is your login password, the server will refuse it.</source>
            <translation>
                <numerusform>This does not look like a %1, which has %n characters. If this is your login password, the server will refuse it.</numerusform>
                <numerusform>This does not look like a %1, which has %n characters. If this is your login password, the server will refuse it.</numerusform>
            </translation>
        </message>
        <message>
            <source>This does not look like a %1. If this is your login password, the server will refuse it.</source>
            <translation>This does not look like a %1. If this is your login password, the server will refuse it.</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <source>Paste the new code</source>
            <translation>Paste the new code</translation>
        </message>
        <message>
            <source>Paste the %1 you just created, then fill in a few facts about it.</source>
            <translation>Paste the %1 you just created, then fill in a few facts about it.</translation>
        </message>
        <message>
            <source>Required: these codes stop working on a date you chose when making it. Tick the box and enter that date.</source>
            <translation>Required: these codes stop working on a date you chose when making it. Tick the box and enter that date.</translation>
        </message>
        <message>
            <source>Leave unticked if the code does not expire.</source>
            <translation>Leave unticked if the code does not expire.</translation>
        </message>
        <message numerus="yes">
            <source>%n characters</source>
            <translation>
                <numerusform>%n characters</numerusform>
                <numerusform>%n characters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message>
            <source>Select a mailbox to see its details.</source>
            <translation>Select a mailbox to see its details.</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>Servers</translation>
        </message>
        <message>
            <source>Receiving (IMAP):</source>
            <translation>Receiving (IMAP):</translation>
        </message>
        <message>
            <source>Sending (SMTP):</source>
            <translation>Sending (SMTP):</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Extra CA file:</source>
            <translation>Extra CA file:</translation>
        </message>
        <message>
            <source>Where from:</source>
            <translation>Where from:</translation>
        </message>
        <message>
            <source>Confirm…</source>
            <translation>Confirm…</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>Authorization code</translation>
        </message>
        <message>
            <source>Made for:</source>
            <translation>Made for:</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>Created:</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>Expires:</translation>
        </message>
        <message>
            <source>Rotation:</source>
            <translation>Rotation:</translation>
        </message>
        <message>
            <source>Code age:</source>
            <translation>Code age:</translation>
        </message>
        <message>
            <source>Codes…</source>
            <translation>Codes…</translation>
        </message>
        <message>
            <source>Every code this mailbox has issued, one per client</source>
            <translation>Every code this mailbox has issued, one per client</translation>
        </message>
        <message>
            <source>All codes:</source>
            <translation>All codes:</translation>
        </message>
        <message>
            <source>Sending and staying active</source>
            <translation>Sending and staying active</translation>
        </message>
        <message>
            <source>I logged in on the web today</source>
            <translation>I logged in on the web today</translation>
        </message>
        <message>
            <source>Providers recycle mailboxes nobody logs into on the web. Background checks do not count, so tell mailmanager when you have logged in.</source>
            <translation>Providers recycle mailboxes nobody logs into on the web. Background checks do not count, so tell mailmanager when you have logged in.</translation>
        </message>
        <message>
            <source>About the provider</source>
            <translation>About the provider</translation>
        </message>
        <message>
            <source>Recent checks</source>
            <translation>Recent checks</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>Protocol</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Server said</source>
            <translation>Server said</translation>
        </message>
        <message>
            <source>No checks yet.</source>
            <translation>No checks yet.</translation>
        </message>
        <message>
            <source>Code history</source>
            <translation>Code history</translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) selected</source>
            <translation>
                <numerusform>%n mailbox selected</numerusform>
                <numerusform>%n mailboxes selected</numerusform>
            </translation>
        </message>
        <message>
            <source>Check, pause, move to a group or remove all of them at once:</source>
            <translation>Check, pause, move to a group or remove all of them at once:</translation>
        </message>
        <message>
            <source>The same commands are in the Mailbox menu and on a right click. Select a single mailbox to see its details.</source>
            <translation>The same commands are in the Mailbox menu and on a right click. Select a single mailbox to see its details.</translation>
        </message>
        <message>
            <source>Receiving: %1 · Sending: %2</source>
            <translation>Receiving: %1 · Sending: %2</translation>
        </message>
        <message>
            <source>Not checked until you confirm:</source>
            <translation>Not checked until you confirm:</translation>
        </message>
        <message numerus="yes">
            <source>%n code(s)</source>
            <translation>
                <numerusform>%n code</numerusform>
                <numerusform>%n codes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n in use</source>
            <translation>
                <numerusform>, %n in use</numerusform>
                <numerusform>, %n in use</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Time to compare them with the provider's list of clients</source>
            <translation>Time to compare them with the provider's list of clients</translation>
        </message>
        <message numerus="yes">
            <source>Day %1: past its %n day(s) of validity</source>
            <translation>
                <numerusform>Day %1: past its %n day of validity</numerusform>
                <numerusform>Day %1: past its %n days of validity</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Day %1 of %n day(s) of validity</source>
            <translation>
                <numerusform>Day %1 of %n day of validity</numerusform>
                <numerusform>Day %1 of %n days of validity</numerusform>
            </translation>
        </message>
        <message>
            <source>Day %1; no replacement reminder is set</source>
            <translation>Day %1; no replacement reminder is set</translation>
        </message>
        <message numerus="yes">
            <source>Day %1: replacing was due after %n day(s)</source>
            <translation>
                <numerusform>Day %1: replacing was due after %n day</numerusform>
                <numerusform>Day %1: replacing was due after %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Day %1 of %n before replacing</source>
            <translation>
                <numerusform>Day %1 of %n before replacing</numerusform>
                <numerusform>Day %1 of %n before replacing</numerusform>
            </translation>
        </message>
        <message>
            <source>This mailbox is in sending week %1.</source>
            <translation>This mailbox is in sending week %1.</translation>
        </message>
        <message>
            <source>Safe sending, counted from the first week of sending:</source>
            <translation>Safe sending, counted from the first week of sending:</translation>
        </message>
        <message>
            <source>Fix…</source>
            <translation>Fix…</translation>
        </message>
        <message>
            <source>Walk through the setup again to repair this mailbox</source>
            <translation>Walk through the setup again to repair this mailbox</translation>
        </message>
        <message>
            <source>The authorization code expires on %1 (%2).</source>
            <translation>The authorization code expires on %1 (%2).</translation>
        </message>
        <message>
            <source>The authorization code expired on %1 (%2).</source>
            <translation>The authorization code expired on %1 (%2).</translation>
        </message>
        <message>
            <source>The code %1 (another client's) expires on %2 (%3).</source>
            <translation>The code %1 (another client's) expires on %2 (%3).</translation>
        </message>
        <message>
            <source>The code %1 (another client's) expired on %2 (%3).</source>
            <translation>The code %1 (another client's) expired on %2 (%3).</translation>
        </message>
        <message>
            <source>The code %1 (another client's) is due to be replaced since %2 (%3).</source>
            <translation>The code %1 (another client's) is due to be replaced since %2 (%3).</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>What to do: %1</translation>
        </message>
        <message>
            <source>What to do (%1): %2</source>
            <translation>What to do (%1): %2</translation>
        </message>
        <message>
            <source>%1 server said: %2</source>
            <translation>%1 server said: %2</translation>
        </message>
        <message>
            <source>(no label)</source>
            <translation>(no label)</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>No expiry date</source>
            <translation>No expiry date</translation>
        </message>
        <message>
            <source>No reminder</source>
            <translation>No reminder</translation>
        </message>
        <message numerus="yes">
            <source>Every %n day(s); due since %1</source>
            <translation>
                <numerusform>Every %n day; due since %1</numerusform>
                <numerusform>Every %n days; due since %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n day(s), next on %1</source>
            <translation>
                <numerusform>Every %n day, next on %1</numerusform>
                <numerusform>Every %n days, next on %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Unknown: no creation date is recorded</source>
            <translation>Unknown: no creation date is recorded</translation>
        </message>
        <message>
            <source>Personal mailboxes are for one-to-one mail: never send in bulk.</source>
            <translation>Personal mailboxes are for one-to-one mail: never send in bulk.</translation>
        </message>
        <message>
            <source>Set “Began sending on” with Edit to see which week this mailbox is in.</source>
            <translation>Set “Began sending on” with Edit to see which week this mailbox is in.</translation>
        </message>
        <message>
            <source>Send at a natural pace; never send in bulk.</source>
            <translation>Send at a natural pace; never send in bulk.</translation>
        </message>
        <message>
            <source>Last web login you confirmed: %1. The provider may recycle mailboxes after %2 days without one.</source>
            <translation>Last web login you confirmed: %1. The provider may recycle mailboxes after %2 days without one.</translation>
        </message>
        <message>
            <source>No web login recorded yet; counting from %1, when you added the mailbox here. The provider may recycle mailboxes after %2 days without one.</source>
            <translation>No web login recorded yet; counting from %1, when you added the mailbox here. The provider may recycle mailboxes after %2 days without one.</translation>
        </message>
        <message>
            <source>No sending guidance for this provider.</source>
            <translation>No sending guidance for this provider.</translation>
        </message>
        <message>
            <source>Help page</source>
            <translation>Help page</translation>
        </message>
        <message>
            <source>Server said: %1</source>
            <translation>Server said: %1</translation>
        </message>
        <message>
            <source>Code added</source>
            <translation>Code added</translation>
        </message>
        <message>
            <source>Code replaced</source>
            <translation>Code replaced</translation>
        </message>
        <message>
            <source>Code expired</source>
            <translation>Code expired</translation>
        </message>
        <message>
            <source>Code removed</source>
            <translation>Code removed</translation>
        </message>
        <message>
            <source>Logged in on the web</source>
            <translation>Logged in on the web</translation>
        </message>
        <message>
            <source>%1 (for %2)</source>
            <translation>%1 (for %2)</translation>
        </message>
        <message>
            <source>Nothing recorded yet.</source>
            <translation>Nothing recorded yet.</translation>
        </message>
    </context>
    <context>
        <name>Detection</name>
        <message>
            <source>Settings from the built-in provider catalogue.</source>
            <translation>Settings from the built-in provider catalogue.</translation>
        </message>
        <message>
            <source>Settings from a provider you imported.</source>
            <translation>Settings from a provider you imported.</translation>
        </message>
        <message>
            <source>Recognised from the domain's mail (MX) servers.</source>
            <translation>Recognised from the domain's mail (MX) servers.</translation>
        </message>
        <message>
            <source>Settings published by the domain in DNS (SRV records).</source>
            <translation>Settings published by the domain in DNS (SRV records).</translation>
        </message>
        <message>
            <source>Settings from the domain's autoconfig file.</source>
            <translation>Settings from the domain's autoconfig file.</translation>
        </message>
        <message>
            <source>The autoconfig file came over plain HTTP: check the servers before trusting them.</source>
            <translation>The autoconfig file came over plain HTTP: check the servers before trusting them.</translation>
        </message>
        <message>
            <source>Guessed from common server names: the servers answered, but check them.</source>
            <translation>Guessed from common server names: the servers answered, but check them.</translation>
        </message>
        <message>
            <source>Only part of the settings could be found: enter the rest by hand.</source>
            <translation>Only part of the settings could be found: enter the rest by hand.</translation>
        </message>
        <message>
            <source>No settings found for this domain: choose the provider or enter the servers.</source>
            <translation>No settings found for this domain: choose the provider or enter the servers.</translation>
        </message>
        <message>
            <source>Network look-ups were skipped; only the built-in catalogue was searched.</source>
            <translation>Network look-ups were skipped; only the built-in catalogue was searched.</translation>
        </message>
        <message>
            <source>The DNS server did not answer in time; detection may be incomplete.</source>
            <translation>The DNS server did not answer in time; detection may be incomplete.</translation>
        </message>
        <message>
            <source>No DNS server is configured on this computer.</source>
            <translation>No DNS server is configured on this computer.</translation>
        </message>
        <message>
            <source>Detection was cancelled.</source>
            <translation>Detection was cancelled.</translation>
        </message>
        <message>
            <source>Some of these settings are unconfirmed: please double-check them.</source>
            <translation>Some of these settings are unconfirmed: please double-check them.</translation>
        </message>
        <message>
            <source>This provider accepts no passwords from mail clients any more (OAuth only).</source>
            <translation>This provider accepts no passwords from mail clients any more (OAuth only).</translation>
        </message>
        <message>
            <source>A server is set up without encryption: use it only on your own network.</source>
            <translation>A server is set up without encryption: use it only on your own network.</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Saving</source>
            <translation>Saving</translation>
        </message>
        <message>
            <source>Open the web settings to revoke the old code</source>
            <translation>Open the web settings to revoke the old code</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
        <message>
            <source>Saving the mailbox and putting the code in the keyring…</source>
            <translation>Saving the mailbox and putting the code in the keyring…</translation>
        </message>
        <message>
            <source>The new code is in use</source>
            <translation>The new code is in use</translation>
        </message>
        <message>
            <source>The new code passed the test and replaced the old one.</source>
            <translation>The new code passed the test and replaced the old one.</translation>
        </message>
        <message>
            <source>Saved, with a problem to fix</source>
            <translation>Saved, with a problem to fix</translation>
        </message>
        <message>
            <source>The mailbox was saved, but its test failed.</source>
            <translation>The mailbox was saved, but its test failed.</translation>
        </message>
        <message>
            <source>It shows as failing in the list until it works. Select it and choose Fix when you are ready.</source>
            <translation>It shows as failing in the list until it works. Select it and choose Fix when you are ready.</translation>
        </message>
        <message>
            <source>All set</source>
            <translation>All set</translation>
        </message>
        <message>
            <source>The mailbox works and has been saved.</source>
            <translation>The mailbox works and has been saved.</translation>
        </message>
        <message>
            <source>Click Finish to close this window.</source>
            <translation>Click Finish to close this window.</translation>
        </message>
        <message>
            <source>Nothing was saved</source>
            <translation>Nothing was saved</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>Mailbox</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>Receiving (IMAP)</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>Sending (SMTP)</translation>
        </message>
        <message>
            <source>Code expires</source>
            <translation>Code expires</translation>
        </message>
        <message>
            <source>Reminder to replace the code</source>
            <translation>Reminder to replace the code</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>In the web settings, find the code named “%1”, made on %2, in the list of codes and delete it, so that nobody can use it any more.</source>
            <translation>In the web settings, find the code named “%1”, made on %2, in the list of codes and delete it, so that nobody can use it any more.</translation>
        </message>
        <message>
            <source>In the web settings, find the code named “%1” in the list of codes and delete it, so that nobody can use it any more.</source>
            <translation>In the web settings, find the code named “%1” in the list of codes and delete it, so that nobody can use it any more.</translation>
        </message>
        <message>
            <source>Now revoke the old %1 “%2”</source>
            <translation>Now revoke the old %1 “%2”</translation>
        </message>
        <message>
            <source>This takes a moment; the keyring may ask you to unlock it.</source>
            <translation>This takes a moment; the keyring may ask you to unlock it.</translation>
        </message>
    </context>
    <context>
        <name>EditAccountDialog</name>
        <message>
            <source>Edit mailbox</source>
            <translation>Edit mailbox</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>Optional, e.g. Work mail</source>
            <translation>Optional, e.g. Work mail</translation>
        </message>
        <message>
            <source>A client, a team or a campaign; the list can show one group at a time</source>
            <translation>A client, a team or a campaign; the list can show one group at a time</translation>
        </message>
        <message>
            <source>Same as the address</source>
            <translation>Same as the address</translation>
        </message>
        <message>
            <source>Authorization code dates</source>
            <translation>Authorization code dates</translation>
        </message>
        <message>
            <source>Which client the code is for, e.g. Thunderbird</source>
            <translation>Which client the code is for, e.g. Thunderbird</translation>
        </message>
        <message>
            <source>Checks and sending</source>
            <translation>Checks and sending</translation>
        </message>
        <message>
            <source>As in Settings</source>
            <translation>As in Settings</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> hours</translation>
        </message>
        <message>
            <source>How often this mailbox is checked; the Settings menu sets the default.</source>
            <translation>How often this mailbox is checked; the Settings menu sets the default.</translation>
        </message>
        <message>
            <source>New mailboxes should send little at first. Without a date, the day the mailbox was added counts.</source>
            <translation>New mailboxes should send little at first. Without a date, the day the mailbox was added counts.</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation>&amp;Display name:</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>&amp;Group:</translation>
        </message>
        <message>
            <source>&amp;Receiving mail (IMAP)</source>
            <translation>&amp;Receiving mail (IMAP)</translation>
        </message>
        <message>
            <source>Se&amp;nding mail (SMTP)</source>
            <translation>Se&amp;nding mail (SMTP)</translation>
        </message>
        <message>
            <source>&amp;Made for:</source>
            <translation>&amp;Made for:</translation>
        </message>
        <message>
            <source>Crea&amp;ted on:</source>
            <translation>Crea&amp;ted on:</translation>
        </message>
        <message>
            <source>E&amp;xpires on:</source>
            <translation>E&amp;xpires on:</translation>
        </message>
        <message>
            <source>Remind to replace e&amp;very:</source>
            <translation>Remind to replace e&amp;very:</translation>
        </message>
        <message>
            <source>Chec&amp;k every:</source>
            <translation>Chec&amp;k every:</translation>
        </message>
        <message>
            <source>&amp;Began sending on:</source>
            <translation>&amp;Began sending on:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Enter a valid e-mail address, such as name@example.com.</source>
            <translation>Enter a valid e-mail address, such as name@example.com.</translation>
        </message>
        <message>
            <source>Enter the server names for receiving and sending.</source>
            <translation>Enter the server names for receiving and sending.</translation>
        </message>
        <message>
            <source>“%1” is not a server name. Use a name such as imap.example.com, or an IP address.</source>
            <translation>“%1” is not a server name. Use a name such as imap.example.com, or an IP address.</translation>
        </message>
        <message>
            <source>A field holds more text than mailmanager keeps.</source>
            <translation>A field holds more text than mailmanager keeps.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>No mailboxes yet</source>
            <translation>No mailboxes yet</translation>
        </message>
        <message>
            <source>Add a mailbox and its authorization code. mailmanager tests that receiving (IMAP) and sending (SMTP) work, and reminds you before a code expires or should be replaced.</source>
            <translation>Add a mailbox and its authorization code. mailmanager tests that receiving (IMAP) and sending (SMTP) work, and reminds you before a code expires or should be replaced.</translation>
        </message>
        <message>
            <source>Add your first mailbox</source>
            <translation>Add your first mailbox</translation>
        </message>
    </context>
    <context>
        <name>EndpointEditor</name>
        <message>
            <source>e.g. %1.example.com</source>
            <translation>e.g. %1.example.com</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <source>Encryption:</source>
            <translation>Encryption:</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Not a server name: use a name such as imap.example.com, or an IP address.</source>
            <translation>Not a server name: use a name such as imap.example.com, or an IP address.</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>This is not a valid e-mail address.</source>
            <translation>This is not a valid e-mail address.</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>Something went wrong: %1</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>FoxmailSettings</name>
        <message>
            <source>Incoming server type</source>
            <translation>Incoming server type</translation>
        </message>
        <message>
            <source>Email account</source>
            <translation>Email account</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>(the code, copied on its own)</translation>
        </message>
        <message>
            <source>Incoming server</source>
            <translation>Incoming server</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>SSL</source>
            <translation>SSL</translation>
        </message>
        <message>
            <source>Outgoing server</source>
            <translation>Outgoing server</translation>
        </message>
        <message>
            <source>Use STARTTLS if the server supports it</source>
            <translation>Use STARTTLS if the server supports it</translation>
        </message>
    </context>
    <context>
        <name>GroupCombo</name>
        <message>
            <source>No group</source>
            <translation>No group</translation>
        </message>
    </context>
    <context>
        <name>GroupList</name>
        <message>
            <source>Groups and filters</source>
            <translation>Groups and filters</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>All mailboxes</source>
            <translation>All mailboxes</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <source>Not checked yet</source>
            <translation>Not checked yet</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <source>No group</source>
            <translation>No group</translation>
        </message>
    </context>
    <context>
        <name>Hint</name>
        <message>
            <source>Works, but without encryption: the code travels in plain text. Use this only for a server on your own network.</source>
            <translation>Works, but without encryption: the code travels in plain text. Use this only for a server on your own network.</translation>
        </message>
        <message>
            <source>The check was cancelled.</source>
            <translation>The check was cancelled.</translation>
        </message>
        <message>
            <source>The server rejected the user name or code. Use the authorization code (app password) made for mail clients, not the web login password, and the full address as user name.</source>
            <translation>The server rejected the user name or code. Use the authorization code (app password) made for mail clients, not the web login password, and the full address as user name.</translation>
        </message>
        <message>
            <source>The server says this code has expired. Create a new authorization code in the mailbox's web settings and enter it here.</source>
            <translation>The server says this code has expired. Create a new authorization code in the mailbox's web settings and enter it here.</translation>
        </message>
        <message>
            <source>NetEase rejected the login: the authorization code is wrong or was revoked, or the web login password was used. Create a new client authorization code in the web settings (Settings &gt; POP3/SMTP/IMAP) and enter it here.</source>
            <translation>NetEase rejected the login: the authorization code is wrong or was revoked, or the web login password was used. Create a new client authorization code in the web settings (Settings &gt; POP3/SMTP/IMAP) and enter it here.</translation>
        </message>
        <message>
            <source>QQ Mail refused the login without a precise reason: the service may be off, the code wrong or revoked, or logins limited after failures. Check that IMAP/SMTP is on in the web settings, create a new code if needed, and wait a few minutes before checking again.</source>
            <translation>QQ Mail refused the login without a precise reason: the service may be off, the code wrong or revoked, or logins limited after failures. Check that IMAP/SMTP is on in the web settings, create a new code if needed, and wait a few minutes before checking again.</translation>
        </message>
        <message>
            <source>Tencent Exmail rejected the login. With secure login on, only a client-specific password works (Settings &gt; Mailbox binding &gt; Client-specific password); also check that IMAP/SMTP is enabled in Settings &gt; Sending and receiving.</source>
            <translation>Tencent Exmail rejected the login. With secure login on, only a client-specific password works (Settings &gt; Mailbox binding &gt; Client-specific password); also check that IMAP/SMTP is enabled in Settings &gt; Sending and receiving.</translation>
        </message>
        <message>
            <source>Google rejected the user name or password. Gmail needs an app password created in your Google Account (Security &gt; App passwords); the normal password does not work.</source>
            <translation>Google rejected the user name or password. Gmail needs an app password created in your Google Account (Security &gt; App passwords); the normal password does not work.</translation>
        </message>
        <message>
            <source>Google requires an app password: the account uses 2-Step Verification, so the normal password is refused. Create an app password in your Google Account (Security &gt; App passwords) and enter it here.</source>
            <translation>Google requires an app password: the account uses 2-Step Verification, so the normal password is refused. Create an app password in your Google Account (Security &gt; App passwords) and enter it here.</translation>
        </message>
        <message>
            <source>The provider requires an app password for mail clients. Create one in the account's security settings and enter it here instead of the login password.</source>
            <translation>The provider requires an app password for mail clients. Create one in the account's security settings and enter it here instead of the login password.</translation>
        </message>
        <message>
            <source>Microsoft rejected the login. Outlook.com and many Microsoft 365 mailboxes no longer accept passwords over IMAP/SMTP, only OAuth sign-in.</source>
            <translation>Microsoft rejected the login. Outlook.com and many Microsoft 365 mailboxes no longer accept passwords over IMAP/SMTP, only OAuth sign-in.</translation>
        </message>
        <message>
            <source>Microsoft has turned off password (basic) login for this mailbox: neither the password nor an app password works over IMAP/SMTP any more. Only OAuth sign-in works.</source>
            <translation>Microsoft has turned off password (basic) login for this mailbox: neither the password nor an app password works over IMAP/SMTP any more. Only OAuth sign-in works.</translation>
        </message>
        <message>
            <source>SMTP login is switched off for this Microsoft 365 mailbox or organisation. An administrator has to enable authenticated SMTP for it.</source>
            <translation>SMTP login is switched off for this Microsoft 365 mailbox or organisation. An administrator has to enable authenticated SMTP for it.</translation>
        </message>
        <message>
            <source>The provider wants you to sign in on its website first (a security check). Sign in there, confirm any prompt, then check again.</source>
            <translation>The provider wants you to sign in on its website first (a security check). Sign in there, confirm any prompt, then check again.</translation>
        </message>
        <message>
            <source>IMAP or SMTP access is not enabled for this mailbox. Turn it on in the mailbox's web settings, then check again.</source>
            <translation>IMAP or SMTP access is not enabled for this mailbox. Turn it on in the mailbox's web settings, then check again.</translation>
        </message>
        <message>
            <source>The login works, but NetEase does not allow sending: the SMTP service is not enabled. Turn on IMAP/SMTP in the web settings (Settings &gt; POP3/SMTP/IMAP), then check again.</source>
            <translation>The login works, but NetEase does not allow sending: the SMTP service is not enabled. Turn on IMAP/SMTP in the web settings (Settings &gt; POP3/SMTP/IMAP), then check again.</translation>
        </message>
        <message>
            <source>The login works, but the server will not send as this address. Check that the user name and the address belong to the same mailbox.</source>
            <translation>The login works, but the server will not send as this address. Check that the user name and the address belong to the same mailbox.</translation>
        </message>
        <message>
            <source>The login works, but the server refuses to send from this account (it may be limited for spam or sending volume). Sign in on the web to read the provider's notice.</source>
            <translation>The login works, but the server refuses to send from this account (it may be limited for spam or sending volume). Sign in on the web to read the provider's notice.</translation>
        </message>
        <message>
            <source>The server asks you to contact the mail administrator or the provider's support: the account may be restricted.</source>
            <translation>The server asks you to contact the mail administrator or the provider's support: the account may be restricted.</translation>
        </message>
        <message>
            <source>The company's mail administrator allows logins only from certain IP addresses or regions. Ask the administrator to allow this network in the admin console under 安全与审计 &gt; 安全登录 &gt; 登录限制 (Security and audit &gt; Secure login &gt; Login limits).</source>
            <translation>The company's mail administrator allows logins only from certain IP addresses or regions. Ask the administrator to allow this network in the admin console under 安全与审计 &gt; 安全登录 &gt; 登录限制 (Security and audit &gt; Secure login &gt; Login limits).</translation>
        </message>
        <message>
            <source>The server does not accept logins from this network. Ask the mail administrator to allow it, or try from another network.</source>
            <translation>The server does not accept logins from this network. Ask the mail administrator to allow it, or try from another network.</translation>
        </message>
        <message>
            <source>NetEase enterprise mail rejected the login: the client authorization password is wrong, was never confirmed with OK when it was made, or has expired (each one carries an expiry date). In the company webmail open Mailbox settings &gt; Client settings (邮箱设置 &gt; 客户端设置), generate a new authorization password, click OK, and enter it here with its expiry date.</source>
            <translation>NetEase enterprise mail rejected the login: the client authorization password is wrong, was never confirmed with OK when it was made, or has expired (each one carries an expiry date). In the company webmail open Mailbox settings &gt; Client settings (邮箱设置 &gt; 客户端设置), generate a new authorization password, click OK, and enter it here with its expiry date.</translation>
        </message>
        <message>
            <source>Alibaba enterprise mail rejected the login. If the administrator requires a third-party client security password, create one in the webmail under Settings &gt; Account and security (设置 &gt; 账户与安全 &gt; 三方客户端安全密码) and enter it here; otherwise the login password is what works. The administrator may also have to allow third-party clients (IMAP/SMTP) for this account.</source>
            <translation>Alibaba enterprise mail rejected the login. If the administrator requires a third-party client security password, create one in the webmail under Settings &gt; Account and security (设置 &gt; 账户与安全 &gt; 三方客户端安全密码) and enter it here; otherwise the login password is what works. The administrator may also have to allow third-party clients (IMAP/SMTP) for this account.</translation>
        </message>
        <message>
            <source>QQ Mail rejected the login: the authorization code is wrong or was revoked, or the QQ password was used. QQ Mail accepts only its 16-character authorization code: create one in the web settings (Settings &gt; Account &gt; POP3/IMAP/SMTP service) and enter it here.</source>
            <translation>QQ Mail rejected the login: the authorization code is wrong or was revoked, or the QQ password was used. QQ Mail accepts only its 16-character authorization code: create one in the web settings (Settings &gt; Account &gt; POP3/IMAP/SMTP service) and enter it here.</translation>
        </message>
        <message>
            <source>The NetEase enterprise server group in use is unstable or cannot be reached from here (ERR.LOGIN.DOMAINNOTEXIST). Switch to the other server group: from hwhzimap.qiye.163.com / hwhzsmtp.qiye.163.com to imap.qiye.163.com / smtp.qiye.163.com, or the other way round.</source>
            <translation>The NetEase enterprise server group in use is unstable or cannot be reached from here (ERR.LOGIN.DOMAINNOTEXIST). Switch to the other server group: from hwhzimap.qiye.163.com / hwhzsmtp.qiye.163.com to imap.qiye.163.com / smtp.qiye.163.com, or the other way round.</translation>
        </message>
        <message>
            <source>NetEase accepted the code but refused to open the mailbox ("Unsafe Login") although this app identified itself. Sign in on the web, read any security notice, check that IMAP is enabled, then check again.</source>
            <translation>NetEase accepted the code but refused to open the mailbox ("Unsafe Login") although this app identified itself. Sign in on the web, read any security notice, check that IMAP is enabled, then check again.</translation>
        </message>
        <message>
            <source>The server refused to open the mailbox because the client did not identify itself (IMAP ID). Set the provider to NetEase (or Coremail) for this account so the app sends it, then check again.</source>
            <translation>The server refused to open the mailbox because the client did not identify itself (IMAP ID). Set the provider to NetEase (or Coremail) for this account so the app sends it, then check again.</translation>
        </message>
        <message>
            <source>The login works, but the server refused to open the inbox. Sign in on the web to see whether the mailbox is restricted.</source>
            <translation>The login works, but the server refused to open the inbox. Sign in on the web to see whether the mailbox is restricted.</translation>
        </message>
        <message>
            <source>The server reported a temporary problem. The check will be repeated later; nothing needs to change now.</source>
            <translation>The server reported a temporary problem. The check will be repeated later; nothing needs to change now.</translation>
        </message>
        <message>
            <source>The server is limiting logins for this account or network. Wait some minutes before checking again: repeated attempts can lock the account.</source>
            <translation>The server is limiting logins for this account or network. Wait some minutes before checking again: repeated attempts can lock the account.</translation>
        </message>
        <message>
            <source>The server turned the connection away (it may be busy). Try again later.</source>
            <translation>The server turned the connection away (it may be busy). Try again later.</translation>
        </message>
        <message>
            <source>The server name could not be found. Check its spelling and the network's DNS.</source>
            <translation>The server name could not be found. Check its spelling and the network's DNS.</translation>
        </message>
        <message>
            <source>The server refused the connection on this port. Check the port and security: SSL usually uses 993 (IMAP) and 465 (SMTP), STARTTLS 143 and 587.</source>
            <translation>The server refused the connection on this port. Check the port and security: SSL usually uses 993 (IMAP) and 465 (SMTP), STARTTLS 143 and 587.</translation>
        </message>
        <message>
            <source>The server could not be reached. Check the network connection, firewall and proxy.</source>
            <translation>The server could not be reached. Check the network connection, firewall and proxy.</translation>
        </message>
        <message>
            <source>The server closed the connection in the middle of the check. This is often temporary; if it keeps happening, the provider may be blocking this network.</source>
            <translation>The server closed the connection in the middle of the check. This is often temporary; if it keeps happening, the provider may be blocking this network.</translation>
        </message>
        <message>
            <source>The server refused to talk to this client at all. The provider may be blocking this network; try again later or from another network.</source>
            <translation>The server refused to talk to this client at all. The provider may be blocking this network; try again later or from another network.</translation>
        </message>
        <message>
            <source>The server did not answer within the time limit. Check the network, then try again.</source>
            <translation>The server did not answer within the time limit. Check the network, then try again.</translation>
        </message>
        <message>
            <source>The server did not answer in time. International providers are often unreachable from mainland China without a proxy or VPN: check that one is active for this app.</source>
            <translation>The server did not answer in time. International providers are often unreachable from mainland China without a proxy or VPN: check that one is active for this app.</translation>
        </message>
        <message>
            <source>The server's certificate is not trusted. For a company's own server, choose its CA certificate file in the account settings; otherwise do not go on: the connection may be intercepted.</source>
            <translation>The server's certificate is not trusted. For a company's own server, choose its CA certificate file in the account settings; otherwise do not go on: the connection may be intercepted.</translation>
        </message>
        <message>
            <source>The server's certificate has expired. Check the computer's date and time; if they are right, the provider has to renew its certificate.</source>
            <translation>The server's certificate has expired. Check the computer's date and time; if they are right, the provider has to renew its certificate.</translation>
        </message>
        <message>
            <source>The server's certificate is for a different name. Use the server name the provider documents, exactly as written.</source>
            <translation>The server's certificate is for a different name. Use the server name the provider documents, exactly as written.</translation>
        </message>
        <message>
            <source>The secure connection could not be set up. Check the port and security: 993 and 465 use SSL, 143 and 587 use STARTTLS.</source>
            <translation>The secure connection could not be set up. Check the port and security: 993 and 465 use SSL, 143 and 587 use STARTTLS.</translation>
        </message>
        <message>
            <source>The CA certificate file chosen for this account could not be read. Choose a valid PEM file.</source>
            <translation>The CA certificate file chosen for this account could not be read. Choose a valid PEM file.</translation>
        </message>
        <message>
            <source>The server did not offer encryption (STARTTLS) on this port, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</source>
            <translation>The server did not offer encryption (STARTTLS) on this port, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</translation>
        </message>
        <message>
            <source>Switching the connection to encryption (STARTTLS) failed, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</source>
            <translation>Switching the connection to encryption (STARTTLS) failed, so the code was not sent. Use the SSL port instead (993 for IMAP, 465 for SMTP).</translation>
        </message>
        <message>
            <source>The code was not sent: this server is not one of the provider's, not part of the address's own domain, and you have not confirmed it. Confirm it only if your mail administrator told you to use it.</source>
            <translation>The code was not sent: this server is not one of the provider's, not part of the address's own domain, and you have not confirmed it. Confirm it only if your mail administrator told you to use it.</translation>
        </message>
        <message>
            <source>The code was not sent: this server would receive it without encryption, and the setting did not come from you. Use SSL or STARTTLS, or allow plain text for it.</source>
            <translation>The code was not sent: this server would receive it without encryption, and the setting did not come from you. Use SSL or STARTTLS, or allow plain text for it.</translation>
        </message>
        <message>
            <source>The code was not sent: the extra CA certificates for this mailbox were not chosen or confirmed by you. Choose the CA file again or confirm its SHA-256 fingerprint.</source>
            <translation>The code was not sent: the extra CA certificates for this mailbox were not chosen or confirmed by you. Choose the CA file again or confirm its SHA-256 fingerprint.</translation>
        </message>
        <message>
            <source>The server requires encryption. Change the security setting to SSL or STARTTLS.</source>
            <translation>The server requires encryption. Change the security setting to SSL or STARTTLS.</translation>
        </message>
        <message>
            <source>The server's answer was not understood. Check that the port belongs to this protocol (IMAP or SMTP) and that the security setting matches it.</source>
            <translation>The server's answer was not understood. Check that the port belongs to this protocol (IMAP or SMTP) and that the security setting matches it.</translation>
        </message>
        <message>
            <source>The server sent an oversized answer, so the check was stopped. Check the server name and port.</source>
            <translation>The server sent an oversized answer, so the check was stopped. Check the server name and port.</translation>
        </message>
        <message>
            <source>The server offers no login method this app can use (PLAIN or LOGIN over an encrypted connection).</source>
            <translation>The server offers no login method this app can use (PLAIN or LOGIN over an encrypted connection).</translation>
        </message>
    </context>
    <context>
        <name>KeyringBanner</name>
        <message>
            <source>No secure keyring is available</source>
            <translation>No secure keyring is available</translation>
        </message>
        <message>
            <source>mailmanager keeps authorization codes only in the system keyring, and none is available, so codes can neither be saved nor read for checks. Install and start a keyring service (GNOME Keyring, package gnome-keyring, or KWallet), then check again.</source>
            <translation>mailmanager keeps authorization codes only in the system keyring, and none is available, so codes can neither be saved nor read for checks. Install and start a keyring service (GNOME Keyring, package gnome-keyring, or KWallet), then check again.</translation>
        </message>
        <message>
            <source>The code you are about to create could not be saved: mailmanager keeps codes only in the system keyring, and none is available. Install and start GNOME Keyring (package gnome-keyring) or KWallet first, then add the mailbox.</source>
            <translation>The code you are about to create could not be saved: mailmanager keeps codes only in the system keyring, and none is available. Install and start GNOME Keyring (package gnome-keyring) or KWallet first, then add the mailbox.</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
    </context>
    <context>
        <name>Limits</name>
        <message>
            <source>Remind to replace the code after %1 to %2 days, or enter 0 for never.</source>
            <translation>Remind to replace the code after %1 to %2 days, or enter 0 for never.</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <source>&amp;Add mailbox…</source>
            <translation>&amp;Add mailbox…</translation>
        </message>
        <message>
            <source>Add a mailbox (Ctrl+N)</source>
            <translation>Add a mailbox (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;Import mailboxes from a spreadsheet…</source>
            <translation>&amp;Import mailboxes from a spreadsheet…</translation>
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation>&amp;Check now</translation>
        </message>
        <message>
            <source>Test the selected mailbox's logins now (F5)</source>
            <translation>Test the selected mailbox's logins now (F5)</translation>
        </message>
        <message>
            <source>Check &amp;all</source>
            <translation>Check &amp;all</translation>
        </message>
        <message>
            <source>Test every mailbox that is not paused (Ctrl+Shift+R)</source>
            <translation>Test every mailbox that is not paused (Ctrl+Shift+R)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Change the servers, names and dates (Ctrl+E)</source>
            <translation>Change the servers, names and dates (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Replace code…</source>
            <translation>&amp;Replace code…</translation>
        </message>
        <message>
            <source>Enter a new authorization code (Ctrl+K)</source>
            <translation>Enter a new authorization code (Ctrl+K)</translation>
        </message>
        <message>
            <source>F&amp;ix…</source>
            <translation>F&amp;ix…</translation>
        </message>
        <message>
            <source>Walk through the setup again to repair a failing mailbox (Ctrl+Shift+F)</source>
            <translation>Walk through the setup again to repair a failing mailbox (Ctrl+Shift+F)</translation>
        </message>
        <message>
            <source>&amp;Pause checks</source>
            <translation>&amp;Pause checks</translation>
        </message>
        <message>
            <source>Stop or restart automatic checks (Ctrl+P)</source>
            <translation>Stop or restart automatic checks (Ctrl+P)</translation>
        </message>
        <message>
            <source>Copy &amp;settings</source>
            <translation>Copy &amp;settings</translation>
        </message>
        <message>
            <source>Copy the servers and ports, to set up another mail client (Ctrl+Shift+C)</source>
            <translation>Copy the servers and ports, to set up another mail client (Ctrl+Shift+C)</translation>
        </message>
        <message>
            <source>C&amp;odes…</source>
            <translation>C&amp;odes…</translation>
        </message>
        <message>
            <source>The mailbox's authorization codes, one per client: add, copy, revoke, audit (Ctrl+Shift+K)</source>
            <translation>The mailbox's authorization codes, one per client: add, copy, revoke, audit (Ctrl+Shift+K)</translation>
        </message>
        <message>
            <source>Move to &amp;group…</source>
            <translation>Move to &amp;group…</translation>
        </message>
        <message>
            <source>Put the selected mailboxes in a group: a client, a team (Ctrl+G)</source>
            <translation>Put the selected mailboxes in a group: a client, a team (Ctrl+G)</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>Re&amp;move…</translation>
        </message>
        <message>
            <source>Remove the mailbox and its code from this computer (Del)</source>
            <translation>Remove the mailbox and its code from this computer (Del)</translation>
        </message>
        <message>
            <source>E&amp;xport for sending platforms…</source>
            <translation>E&amp;xport for sending platforms…</translation>
        </message>
        <message>
            <source>A CSV of the servers and user names for a sending platform, without codes</source>
            <translation>A CSV of the servers and user names for a sending platform, without codes</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Find…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;About mailmanager</source>
            <translation>&amp;About mailmanager</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>System language</translation>
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
            <translation>Res&amp;ume checks</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Mailbox</source>
            <translation>&amp;Mailbox</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>mailmanager</source>
            <translation>mailmanager</translation>
        </message>
        <message>
            <source>Filter mailboxes</source>
            <translation>Filter mailboxes</translation>
        </message>
        <message>
            <source>Filter by address, name, provider or status (Ctrl+F)</source>
            <translation>Filter by address, name, provider or status (Ctrl+F)</translation>
        </message>
        <message>
            <source>Clear the filter</source>
            <translation>Clear the filter</translation>
        </message>
        <message>
            <source>No mailbox matches “%1”.</source>
            <translation>No mailbox matches “%1”.</translation>
        </message>
        <message>
            <source>Show all mailboxes</source>
            <translation>Show all mailboxes</translation>
        </message>
        <message>
            <source>No mailbox in this list.</source>
            <translation>No mailbox in this list.</translation>
        </message>
        <message>
            <source>Mailboxes: %1</source>
            <translation>Mailboxes: %1</translation>
        </message>
        <message>
            <source>Selected: %1</source>
            <translation>Selected: %1</translation>
        </message>
        <message>
            <source>Need attention: %1</source>
            <translation>Need attention: %1</translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n mailbox(es) whose code was rejected: enter a new code, or check each one with Check now.</source>
            <translation>
                <numerusform>Skipped %n mailbox whose code was rejected: enter a new code, or check each one with Check now.</numerusform>
                <numerusform>Skipped %n mailboxes whose code was rejected: enter a new code, or check each one with Check now.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 was saved.</source>
            <translation>%1 was saved.</translation>
        </message>
        <message>
            <source>Settings of %1 copied to the clipboard.</source>
            <translation>Settings of %1 copied to the clipboard.</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>%1 was removed.</translation>
        </message>
        <message>
            <source>Noted: the servers you ticked are confirmed.</source>
            <translation>Noted: the servers you ticked are confirmed.</translation>
        </message>
        <message>
            <source>Noted: you logged in on the web today.</source>
            <translation>Noted: you logged in on the web today.</translation>
        </message>
        <message>
            <source>The language changes the next time mailmanager starts.</source>
            <translation>The language changes the next time mailmanager starts.</translation>
        </message>
        <message>
            <source>About mailmanager</source>
            <translation>About mailmanager</translation>
        </message>
        <message>
            <source>mailmanager %1

Keeps the authorization codes of your mailboxes working: checks IMAP and SMTP logins and reminds you before codes expire.</source>
            <translation>mailmanager %1

Keeps the authorization codes of your mailboxes working: checks IMAP and SMTP logins and reminds you before codes expire.</translation>
        </message>
    </context>
    <context>
        <name>MoveToGroupDialog</name>
        <message>
            <source>Move to group</source>
            <translation>Move to group</translation>
        </message>
        <message numerus="yes">
            <source>Move %n mailbox(es) to the &amp;group:</source>
            <translation>
                <numerusform>Move %n mailbox to the &amp;group:</numerusform>
                <numerusform>Move %n mailboxes to the &amp;group:</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Move</source>
            <translation>&amp;Move</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Leave it empty to take them out of any group.</source>
            <translation>Leave it empty to take them out of any group.</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <source>{address} stopped working</source>
            <translation>{address} stopped working</translation>
        </message>
        <message>
            <source>The last check failed. Open mailmanager to see why and how to fix it.</source>
            <translation>The last check failed. Open mailmanager to see why and how to fix it.</translation>
        </message>
        <message>
            <source>The code of {address} expires soon</source>
            <translation>The code of {address} expires soon</translation>
        </message>
        <message>
            <source>It expires on {date}. Make a new code and rotate it in mailmanager.</source>
            <translation>It expires on {date}. Make a new code and rotate it in mailmanager.</translation>
        </message>
        <message>
            <source>The code of {address} has expired</source>
            <translation>The code of {address} has expired</translation>
        </message>
        <message>
            <source>It expired on {date}. Make a new code and rotate it in mailmanager.</source>
            <translation>It expired on {date}. Make a new code and rotate it in mailmanager.</translation>
        </message>
        <message>
            <source>Time to rotate the code of {address}</source>
            <translation>Time to rotate the code of {address}</translation>
        </message>
        <message>
            <source>The code is older than its rotation interval.</source>
            <translation>The code is older than its rotation interval.</translation>
        </message>
        <message>
            <source>Time to review the codes of {address}</source>
            <translation>Time to review the codes of {address}</translation>
        </message>
        <message>
            <source>Due since {date}: compare the authorized clients in the provider's web settings with the mailbox's codes in mailmanager (Codes…) and disable the unused ones.</source>
            <translation>Due since {date}: compare the authorized clients in the provider's web settings with the mailbox's codes in mailmanager (Codes…) and disable the unused ones.</translation>
        </message>
        <message>
            <source>Log in to {address} on the web</source>
            <translation>Log in to {address} on the web</translation>
        </message>
        <message>
            <source>The provider may recycle the mailbox after {date} unless you log in.</source>
            <translation>The provider may recycle the mailbox after {date} unless you log in.</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> and %n more</numerusform>
                <numerusform> and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) cannot connect</source>
            <translation>
                <numerusform>%n mailbox cannot connect</numerusform>
                <numerusform>%n mailboxes cannot connect</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) have expired</source>
            <translation>
                <numerusform>%n code have expired</numerusform>
                <numerusform>%n codes have expired</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) expire soon</source>
            <translation>
                <numerusform>%n code expire soon</numerusform>
                <numerusform>%n codes expire soon</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) are due to be replaced</source>
            <translation>
                <numerusform>%n code are due to be replaced</numerusform>
                <numerusform>%n codes are due to be replaced</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) are due for a review of their codes</source>
            <translation>
                <numerusform>%n mailbox are due for a review of their codes</numerusform>
                <numerusform>%n mailboxes are due for a review of their codes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mailbox(es) need a login on the web</source>
            <translation>
                <numerusform>%n mailbox need a login on the web</numerusform>
                <numerusform>%n mailboxes need a login on the web</numerusform>
            </translation>
        </message>
        <message>
            <source>Open mailmanager to see them.</source>
            <translation>Open mailmanager to see them.</translation>
        </message>
        <message>
            <source>Since mailmanager was last open</source>
            <translation>Since mailmanager was last open</translation>
        </message>
        <message>
            <source>Offline: checks paused</source>
            <translation>Offline: checks paused</translation>
        </message>
        <message>
            <source>No mail server could be reached. The mailboxes keep their last results; mailmanager checks again when the network is back.</source>
            <translation>No mail server could be reached. The mailboxes keep their last results; mailmanager checks again when the network is back.</translation>
        </message>
    </context>
    <context>
        <name>OutlookSettings</name>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>Incoming mail</source>
            <translation>Incoming mail</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Encryption method</source>
            <translation>Encryption method</translation>
        </message>
        <message>
            <source>Require logon using Secure Password Authentication (SPA)</source>
            <translation>Require logon using Secure Password Authentication (SPA)</translation>
        </message>
        <message>
            <source>Outgoing mail</source>
            <translation>Outgoing mail</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>(the code, copied on its own)</translation>
        </message>
    </context>
    <context>
        <name>PhoneMailSettings</name>
        <message>
            <source>Account type</source>
            <translation>Account type</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>Incoming server settings</source>
            <translation>Incoming server settings</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>(the code, copied on its own)</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Security type</source>
            <translation>Security type</translation>
        </message>
        <message>
            <source>Outgoing server settings</source>
            <translation>Outgoing server settings</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>SMTP server</translation>
        </message>
        <message>
            <source>Require sign-in</source>
            <translation>Require sign-in</translation>
        </message>
    </context>
    <context>
        <name>PlatformExport</name>
        <message>
            <source>Export for sending platforms</source>
            <translation>Export for sending platforms</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV table (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n mailbox(es) to %1 (settings only: the password columns are empty).</source>
            <translation>
                <numerusform>Exported %n mailbox to %1 (settings only: the password columns are empty).</numerusform>
                <numerusform>Exported %n mailboxes to %1 (settings only: the password columns are empty).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreparePage</name>
        <message>
            <source>Get your mailbox ready</source>
            <translation>Get your mailbox ready</translation>
        </message>
        <message>
            <source>I will make a new code (the old one was rejected)</source>
            <translation>I will make a new code (the old one was rejected)</translation>
        </message>
        <message>
            <source>Keep the stored code (only settings or servers need fixing)</source>
            <translation>Keep the stored code (only settings or servers need fixing)</translation>
        </message>
        <message>
            <source>What needs to change?</source>
            <translation>What needs to change?</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Steps</translation>
        </message>
        <message>
            <source>Open the web settings in your browser</source>
            <translation>Open the web settings in your browser</translation>
        </message>
        <message>
            <source>Common pitfalls</source>
            <translation>Common pitfalls</translation>
        </message>
        <message>
            <source>Good to know</source>
            <translation>Good to know</translation>
        </message>
        <message>
            <source>%1 lets mail programs sign in with your normal login password, once IMAP/SMTP is switched on in its web settings.</source>
            <translation>%1 lets mail programs sign in with your normal login password, once IMAP/SMTP is switched on in its web settings.</translation>
        </message>
        <message>
            <source>%1 wants a separate password for mail programs, the &lt;b&gt;%2&lt;/b&gt;, which you choose yourself in its web settings.</source>
            <translation>%1 wants a separate password for mail programs, the &lt;b&gt;%2&lt;/b&gt;, which you choose yourself in its web settings.</translation>
        </message>
        <message>
            <source>Mail programs cannot sign in to %1 with your login password. They need the &lt;b&gt;%2&lt;/b&gt;, which you create in the web settings and paste here.</source>
            <translation>Mail programs cannot sign in to %1 with your login password. They need the &lt;b&gt;%2&lt;/b&gt;, which you create in the web settings and paste here.</translation>
        </message>
        <message>
            <source>Sign in to your mailbox in the browser and look in its settings for IMAP, POP3/SMTP or "client access". Switch IMAP and SMTP on.</source>
            <translation>Sign in to your mailbox in the browser and look in its settings for IMAP, POP3/SMTP or "client access". Switch IMAP and SMTP on.</translation>
        </message>
        <message>
            <source>If the settings offer an authorization code, app password or client password, create one and copy it. Otherwise your normal password is usually what works.</source>
            <translation>If the settings offer an authorization code, app password or client password, create one and copy it. Otherwise your normal password is usually what works.</translation>
        </message>
        <message>
            <source>Ask your administrator or provider for the server names if you do not know them; you will enter them on a later page.</source>
            <translation>Ask your administrator or provider for the server names if you do not know them; you will enter them on a later page.</translation>
        </message>
        <message>
            <source>Make a new code</source>
            <translation>Make a new code</translation>
        </message>
        <message>
            <source>Your current code keeps working until the new one has passed the test.</source>
            <translation>Your current code keeps working until the new one has passed the test.</translation>
        </message>
        <message>
            <source>Create a new code with the steps below. mailmanager tests it first and only then replaces the stored one; afterwards you revoke the old code.</source>
            <translation>Create a new code with the steps below. mailmanager tests it first and only then replaces the stored one; afterwards you revoke the old code.</translation>
        </message>
        <message>
            <source>These steps apply to most mail providers.</source>
            <translation>These steps apply to most mail providers.</translation>
        </message>
        <message>
            <source>mailmanager does not know this provider's rules, so here is what usually works.</source>
            <translation>mailmanager does not know this provider's rules, so here is what usually works.</translation>
        </message>
        <message>
            <source>Do these steps in %1's web settings, then come back here.</source>
            <translation>Do these steps in %1's web settings, then come back here.</translation>
        </message>
        <message>
            <source>This mailbox cannot be added</source>
            <translation>This mailbox cannot be added</translation>
        </message>
        <message>
            <source>%1 cannot be added with a password</source>
            <translation>%1 cannot be added with a password</translation>
        </message>
        <message>
            <source>mailmanager signs in with a password or code only, so it cannot check this mailbox. Use the provider's own app, or a mail program that supports its sign-in page (OAuth).</source>
            <translation>mailmanager signs in with a password or code only, so it cannot check this mailbox. Use the provider's own app, or a mail program that supports its sign-in page (OAuth).</translation>
        </message>
        <message>
            <source>This provider no longer lets mail programs sign in with a password.</source>
            <translation>This provider no longer lets mail programs sign in with a password.</translation>
        </message>
        <message>
            <source>Sending, counted from the first week</source>
            <translation>Sending, counted from the first week</translation>
        </message>
        <message>
            <source>Personal mailboxes are for one-to-one mail: never send in bulk.</source>
            <translation>Personal mailboxes are for one-to-one mail: never send in bulk.</translation>
        </message>
        <message>
            <source>The provider's help page</source>
            <translation>The provider's help page</translation>
        </message>
    </context>
    <context>
        <name>ProviderInfo</name>
        <message>
            <source>Suitability</source>
            <translation>Suitability</translation>
        </message>
        <message>
            <source>%1.</source>
            <translation>%1.</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>From week %1</source>
            <translation>From week %1</translation>
        </message>
        <message>
            <source>Week %1</source>
            <translation>Week %1</translation>
        </message>
        <message>
            <source>Weeks %1–%2</source>
            <translation>Weeks %1–%2</translation>
        </message>
        <message>
            <source>%1–%2 messages a day</source>
            <translation>%1–%2 messages a day</translation>
        </message>
        <message>
            <source>at most %1 messages a day</source>
            <translation>at most %1 messages a day</translation>
        </message>
        <message>
            <source>about %1 messages a day</source>
            <translation>about %1 messages a day</translation>
        </message>
        <message>
            <source>%1, %2 minutes apart</source>
            <translation>%1, %2 minutes apart</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Show Details...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Hide Details...</translation>
        </message>
    </context>
    <context>
        <name>RegistrationGuide</name>
        <message>
            <source>Create a NetEase mailbox</source>
            <translation>Create a NetEase mailbox</translation>
        </message>
        <message>
            <source>Register at mail.163.com or mail.126.com in the browser, then come back and add the new address here. What trips people up:</source>
            <translation>Register at mail.163.com or mail.126.com in the browser, then come back and add the new address here. What trips people up:</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <source>The login check with this code did not succeed, so nothing was saved.</source>
            <translation>The login check with this code did not succeed, so nothing was saved.</translation>
        </message>
    </context>
    <context>
        <name>RelativeTime</name>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source>Just now</source>
            <translation>Just now</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n hour ago</numerusform>
                <numerusform>%n hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RotateDaysSpin</name>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
    </context>
    <context>
        <name>Secrets</name>
        <message>
            <source>No secure keyring is available, so the code cannot be stored. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</source>
            <translation>No secure keyring is available, so the code cannot be stored. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</translation>
        </message>
        <message>
            <source>No secure keyring is available, so the stored code cannot be read. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</source>
            <translation>No secure keyring is available, so the stored code cannot be read. Install and start a keyring service (for example GNOME Keyring or KWallet), then try again.</translation>
        </message>
        <message>
            <source>The only keyring available would keep the code unprotected, so mailmanager refuses to store it. Set up a secure keyring service (for example GNOME Keyring or KWallet).</source>
            <translation>The only keyring available would keep the code unprotected, so mailmanager refuses to store it. Set up a secure keyring service (for example GNOME Keyring or KWallet).</translation>
        </message>
        <message>
            <source>The keyring is locked. Unlock it (usually with your login password) and try again.</source>
            <translation>The keyring is locked. Unlock it (usually with your login password) and try again.</translation>
        </message>
        <message>
            <source>The keyring could not be opened. Make sure a default keyring exists and is unlocked, then try again.</source>
            <translation>The keyring could not be opened. Make sure a default keyring exists and is unlocked, then try again.</translation>
        </message>
        <message>
            <source>The keyring service could not be reached. Make sure you are logged in to a desktop session with a running keyring service, then try again.</source>
            <translation>The keyring service could not be reached. Make sure you are logged in to a desktop session with a running keyring service, then try again.</translation>
        </message>
        <message>
            <source>The keyring accepted the code but did not keep it, so it is not safe to rely on.</source>
            <translation>The keyring accepted the code but did not keep it, so it is not safe to rely on.</translation>
        </message>
        <message>
            <source>The code could not be removed from the keyring.</source>
            <translation>The code could not be removed from the keyring.</translation>
        </message>
        <message>
            <source>The code is empty.</source>
            <translation>The code is empty.</translation>
        </message>
        <message>
            <source>The keyring did not answer within %1 s, so nothing was changed. Make sure the keyring service is running and responding, then try again.</source>
            <translation>The keyring did not answer within %1 s, so nothing was changed. Make sure the keyring service is running and responding, then try again.</translation>
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
            <translation>None (unencrypted)</translation>
        </message>
    </context>
    <context>
        <name>Servers</name>
        <message>
            <source>%1, port %2, %3</source>
            <translation>%1, port %2, %3</translation>
        </message>
    </context>
    <context>
        <name>ServersPage</name>
        <message>
            <source>Check the server settings</source>
            <translation>Check the server settings</translation>
        </message>
        <message>
            <source>These were filled in for you. Change them only if your provider says so.</source>
            <translation>These were filled in for you. Change them only if your provider says so.</translation>
        </message>
        <message>
            <source>Server group:</source>
            <translation>Server group:</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP)</source>
            <translation>Receiving mail (IMAP)</translation>
        </message>
        <message>
            <source>Sending mail (SMTP)</source>
            <translation>Sending mail (SMTP)</translation>
        </message>
        <message>
            <source>Change servers…</source>
            <translation>Change servers…</translation>
        </message>
        <message>
            <source>Without encryption the code travels as readable text</source>
            <translation>Without encryption the code travels as readable text</translation>
        </message>
        <message>
            <source>Choose "None" only for a server on your own network that offers nothing else. mailmanager never falls back to it on its own.</source>
            <translation>Choose "None" only for a server on your own network that offers nothing else. mailmanager never falls back to it on its own.</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>Advanced</translation>
        </message>
        <message>
            <source>only for a company server with its own certificate</source>
            <translation>only for a company server with its own certificate</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Extra CA certificate (PEM):</source>
            <translation>Extra CA certificate (PEM):</translation>
        </message>
        <message>
            <source>%1 (not confirmed by the provider)</source>
            <translation>%1 (not confirmed by the provider)</translation>
        </message>
        <message>
            <source>My own settings</source>
            <translation>My own settings</translation>
        </message>
        <message>
            <source>Use this group if the first one does not connect from your network.</source>
            <translation>Use this group if the first one does not connect from your network.</translation>
        </message>
        <message>
            <source>These servers come from third-party sources, not the provider; the test will show whether they work.</source>
            <translation>These servers come from third-party sources, not the provider; the test will show whether they work.</translation>
        </message>
        <message>
            <source>These are %1's servers from the built-in list; most people never need to change them.</source>
            <translation>These are %1's servers from the built-in list; most people never need to change them.</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>Receiving (IMAP)</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>Sending (SMTP)</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Choose the CA certificate</source>
            <translation>Choose the CA certificate</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Add a mailbox</source>
            <translation>Add a mailbox</translation>
        </message>
        <message>
            <source>Fix a mailbox</source>
            <translation>Fix a mailbox</translation>
        </message>
        <message>
            <source>Replace the code</source>
            <translation>Replace the code</translation>
        </message>
        <message>
            <source>The last check of this mailbox failed</source>
            <translation>The last check of this mailbox failed</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Step %1 of %2</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Code rejected</source>
            <translation>Code rejected</translation>
        </message>
        <message>
            <source>The server rejected the authorization code or password.</source>
            <translation>The server rejected the authorization code or password.</translation>
        </message>
        <message>
            <source>Service off</source>
            <translation>Service off</translation>
        </message>
        <message>
            <source>IMAP or SMTP is not enabled in the mailbox's web settings.</source>
            <translation>IMAP or SMTP is not enabled in the mailbox's web settings.</translation>
        </message>
        <message>
            <source>IP blocked</source>
            <translation>IP blocked</translation>
        </message>
        <message>
            <source>The administrator does not allow logins from this network.</source>
            <translation>The administrator does not allow logins from this network.</translation>
        </message>
        <message>
            <source>Unsafe login</source>
            <translation>Unsafe login</translation>
        </message>
        <message>
            <source>The server refused to open the mailbox for this client.</source>
            <translation>The server refused to open the mailbox for this client.</translation>
        </message>
        <message>
            <source>Code expired</source>
            <translation>Code expired</translation>
        </message>
        <message>
            <source>The authorization code is past its expiry date.</source>
            <translation>The authorization code is past its expiry date.</translation>
        </message>
        <message>
            <source>Needs code</source>
            <translation>Needs code</translation>
        </message>
        <message>
            <source>No authorization code is stored for this mailbox yet.</source>
            <translation>No authorization code is stored for this mailbox yet.</translation>
        </message>
        <message>
            <source>Insecure, refused</source>
            <translation>Insecure, refused</translation>
        </message>
        <message>
            <source>The server did not offer encryption, so the code was not sent.</source>
            <translation>The server did not offer encryption, so the code was not sent.</translation>
        </message>
        <message>
            <source>Certificate error</source>
            <translation>Certificate error</translation>
        </message>
        <message>
            <source>The secure connection failed or the certificate is wrong.</source>
            <translation>The secure connection failed or the certificate is wrong.</translation>
        </message>
        <message>
            <source>Server not found</source>
            <translation>Server not found</translation>
        </message>
        <message>
            <source>The server name could not be found.</source>
            <translation>The server name could not be found.</translation>
        </message>
        <message>
            <source>Cannot connect</source>
            <translation>Cannot connect</translation>
        </message>
        <message>
            <source>The server could not be reached.</source>
            <translation>The server could not be reached.</translation>
        </message>
        <message>
            <source>Protocol error</source>
            <translation>Protocol error</translation>
        </message>
        <message>
            <source>The server answered in a way that was not understood.</source>
            <translation>The server answered in a way that was not understood.</translation>
        </message>
        <message>
            <source>Timed out</source>
            <translation>Timed out</translation>
        </message>
        <message>
            <source>The server did not answer in time.</source>
            <translation>The server did not answer in time.</translation>
        </message>
        <message>
            <source>Temporary failure</source>
            <translation>Temporary failure</translation>
        </message>
        <message>
            <source>The server reported a temporary problem; it will be retried.</source>
            <translation>The server reported a temporary problem; it will be retried.</translation>
        </message>
        <message>
            <source>Log in on web</source>
            <translation>Log in on web</translation>
        </message>
        <message>
            <source>Log in on the web soon, or the provider may recycle the mailbox.</source>
            <translation>Log in on the web soon, or the provider may recycle the mailbox.</translation>
        </message>
        <message>
            <source>Expiring soon</source>
            <translation>Expiring soon</translation>
        </message>
        <message>
            <source>The authorization code expires within 14 days.</source>
            <translation>The authorization code expires within 14 days.</translation>
        </message>
        <message>
            <source>Rotation due</source>
            <translation>Rotation due</translation>
        </message>
        <message>
            <source>The code is older than its rotation interval.</source>
            <translation>The code is older than its rotation interval.</translation>
        </message>
        <message>
            <source>Checking</source>
            <translation>Checking</translation>
        </message>
        <message>
            <source>A check is running now.</source>
            <translation>A check is running now.</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Automatic checks are paused for this mailbox.</source>
            <translation>Automatic checks are paused for this mailbox.</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>This mailbox has not been checked yet.</source>
            <translation>This mailbox has not been checked yet.</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>Receiving and sending logins work.</source>
            <translation>Receiving and sending logins work.</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>The account database {path} cannot be used.</source>
            <translation>The account database {path} cannot be used.</translation>
        </message>
        <message>
            <source>The account database {path} is damaged. It was left as it is; restore it from a backup or move it aside, then import your last export.</source>
            <translation>The account database {path} is damaged. It was left as it is; restore it from a backup or move it aside, then import your last export.</translation>
        </message>
        <message>
            <source>The account database {path} is busy: another program is writing to it. Try again in a moment.</source>
            <translation>The account database {path} is busy: another program is writing to it. Try again in a moment.</translation>
        </message>
        <message>
            <source>The account database {path} was written by a newer version of mailmanager. Update mailmanager to open it; the file was not changed.</source>
            <translation>The account database {path} was written by a newer version of mailmanager. Update mailmanager to open it; the file was not changed.</translation>
        </message>
        <message>
            <source>The mailbox {path} is already in the list.</source>
            <translation>The mailbox {path} is already in the list.</translation>
        </message>
        <message>
            <source>There is no mailbox {path} in the list.</source>
            <translation>There is no mailbox {path} in the list.</translation>
        </message>
        <message>
            <source>This mailbox already has a code labelled {path}.</source>
            <translation>This mailbox already has a code labelled {path}.</translation>
        </message>
        <message>
            <source>This mailbox has no code labelled {path}.</source>
            <translation>This mailbox has no code labelled {path}.</translation>
        </message>
    </context>
    <context>
        <name>TableImport</name>
        <message>
            <source>the login check failed: %1</source>
            <translation>the login check failed: %1</translation>
        </message>
        <message>
            <source>not checked: the import was cancelled</source>
            <translation>not checked: the import was cancelled</translation>
        </message>
        <message>
            <source>not checked: the batch paused when the server of row %1 asked to slow down; retry later</source>
            <translation>not checked: the batch paused when the server of row %1 asked to slow down; retry later</translation>
        </message>
        <message>
            <source>the server asked to slow down (rate limit); the batch paused here</source>
            <translation>the server asked to slow down (rate limit); the batch paused here</translation>
        </message>
        <message>
            <source>saved although its check failed: it needs a fix</source>
            <translation>saved although its check failed: it needs a fix</translation>
        </message>
        <message>
            <source>added to the list meanwhile; left as it is</source>
            <translation>added to the list meanwhile; left as it is</translation>
        </message>
        <message>
            <source>not saved: %1</source>
            <translation>not saved: %1</translation>
        </message>
        <message>
            <source>not sent: %1</source>
            <translation>not sent: %1</translation>
        </message>
        <message>
            <source>not a valid address: %1</source>
            <translation>not a valid address: %1</translation>
        </message>
        <message>
            <source>the row has no code</source>
            <translation>the row has no code</translation>
        </message>
        <message>
            <source>the IMAP and SMTP passwords differ (a mailbox has one authorization code)</source>
            <translation>the IMAP and SMTP passwords differ (a mailbox has one authorization code)</translation>
        </message>
        <message>
            <source>the code was stored as a number and lost digits: format the column as Text and type it again</source>
            <translation>the code was stored as a number and lost digits: format the column as Text and type it again</translation>
        </message>
        <message>
            <source>the code has %1 characters but %2 codes have %3: it may have lost digits</source>
            <translation>the code has %1 characters but %2 codes have %3: it may have lost digits</translation>
        </message>
        <message>
            <source>the code holds line breaks or control characters</source>
            <translation>the code holds line breaks or control characters</translation>
        </message>
        <message>
            <source>%1 no longer accepts authorization codes</source>
            <translation>%1 no longer accepts authorization codes</translation>
        </message>
        <message>
            <source>%1 port %2 is not a number between 1 and 65535</source>
            <translation>%1 port %2 is not a number between 1 and 65535</translation>
        </message>
        <message>
            <source>%1 port %2 is not a standard port: add a security column (ssl, starttls or plain)</source>
            <translation>%1 port %2 is not a standard port: add a security column (ssl, starttls or plain)</translation>
        </message>
        <message>
            <source>%1 security %2 is not ssl, starttls or plain</source>
            <translation>%1 security %2 is not ssl, starttls or plain</translation>
        </message>
        <message>
            <source>the %1 server is missing and the provider of %2 is not in the catalogue</source>
            <translation>the %1 server is missing and the provider of %2 is not in the catalogue</translation>
        </message>
        <message>
            <source>cannot keep this row: %1</source>
            <translation>cannot keep this row: %1</translation>
        </message>
        <message>
            <source>the address is already on row %1</source>
            <translation>the address is already on row %1</translation>
        </message>
        <message>
            <source>already in the list with other settings (it is never overwritten)</source>
            <translation>already in the list with other settings (it is never overwritten)</translation>
        </message>
        <message>
            <source>already in the list with these settings</source>
            <translation>already in the list with these settings</translation>
        </message>
        <message>
            <source>proved, but not saved (the save stopped before it)</source>
            <translation>proved, but not saved (the save stopped before it)</translation>
        </message>
    </context>
    <context>
        <name>TableImportDialog</name>
        <message>
            <source>Import mailboxes from a spreadsheet</source>
            <translation>Import mailboxes from a spreadsheet</translation>
        </message>
        <message>
            <source>for rows without a group column</source>
            <translation>for rows without a group column</translation>
        </message>
        <message>
            <source>System certificates only</source>
            <translation>System certificates only</translation>
        </message>
        <message>
            <source>Fro&amp;m a file</source>
            <translation>Fro&amp;m a file</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>&amp;Group:</translation>
        </message>
        <message>
            <source>Code &amp;label:</source>
            <translation>Code &amp;label:</translation>
        </message>
        <message>
            <source>Choose C&amp;A file…</source>
            <translation>Choose C&amp;A file…</translation>
        </message>
        <message>
            <source>Extra CA certificates for servers with their own CA (a company's server)</source>
            <translation>Extra CA certificates for servers with their own CA (a company's server)</translation>
        </message>
        <message>
            <source>Certificates:</source>
            <translation>Certificates:</translation>
        </message>
        <message>
            <source>Which column holds what?</source>
            <translation>Which column holds what?</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>Servers</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Trust</source>
            <translation>Trust</translation>
        </message>
        <message>
            <source>%v of %m checked</source>
            <translation>%v of %m checked</translation>
        </message>
        <message>
            <source>The codes are now in the system keyring. The spreadsheet still holds them in plain text: delete it or keep it somewhere safe.</source>
            <translation>The codes are now in the system keyring. The spreadsheet still holds them in plain text: delete it or keep it somewhere safe.</translation>
        </message>
        <message>
            <source>&amp;Open its folder</source>
            <translation>&amp;Open its folder</translation>
        </message>
        <message>
            <source>&amp;Check codes</source>
            <translation>&amp;Check codes</translation>
        </message>
        <message>
            <source>&amp;Retry failed rows</source>
            <translation>&amp;Retry failed rows</translation>
        </message>
        <message>
            <source>Also save faile&amp;d rows (marked as needing a fix)</source>
            <translation>Also save faile&amp;d rows (marked as needing a fix)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Choose &amp;file…</source>
            <translation>Choose &amp;file…</translation>
        </message>
        <message>
            <source>R&amp;ead the lines</source>
            <translation>R&amp;ead the lines</translation>
        </message>
        <message>
            <source>Pro&amp;vider of these mailboxes:</source>
            <translation>Pro&amp;vider of these mailboxes:</translation>
        </message>
        <message>
            <source>&amp;Use these columns</source>
            <translation>&amp;Use these columns</translation>
        </message>
        <message>
            <source>Look up the servers of these domains on the network (as Add does)</source>
            <translation>Look up the servers of these domains on the network (as Add does)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>CSV, TSV or Excel (.xlsx) file</source>
            <translation>CSV, TSV or Excel (.xlsx) file</translation>
        </message>
        <message>
            <source>The workbook's sheet to import</source>
            <translation>The workbook's sheet to import</translation>
        </message>
        <message>
            <source>One mailbox per line: address code, or address,code</source>
            <translation>One mailbox per line: address code, or address,code</translation>
        </message>
        <message>
            <source>Provider from each address</source>
            <translation>Provider from each address</translation>
        </message>
        <message>
            <source>Choose a spreadsheet</source>
            <translation>Choose a spreadsheet</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx)</source>
            <translation>Spreadsheets (*.csv *.tsv *.txt *.xlsx)</translation>
        </message>
        <message>
            <source>Choose CA certificates</source>
            <translation>Choose CA certificates</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>Certificates (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Not used: %1</source>
            <translation>Not used: %1</translation>
        </message>
        <message>
            <source>%1 (SHA-256 %2…)</source>
            <translation>%1 (SHA-256 %2…)</translation>
        </message>
        <message>
            <source>Choose the columns that hold the address and the code.</source>
            <translation>Choose the columns that hold the address and the code.</translation>
        </message>
        <message>
            <source>This file cannot be read: %1</source>
            <translation>This file cannot be read: %1</translation>
        </message>
        <message>
            <source>(not used)</source>
            <translation>(not used)</translation>
        </message>
        <message>
            <source>Send this row's code to these servers (every row at this domain)</source>
            <translation>Send this row's code to these servers (every row at this domain)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Paused at row %1: the provider asked to slow down. Wait a few minutes, then use Retry failed rows.</source>
            <translation>Paused at row %1: the provider asked to slow down. Wait a few minutes, then use Retry failed rows.</translation>
        </message>
        <message numerus="yes">
            <source>Find servers for %n domain(s)</source>
            <translation>
                <numerusform>Find servers for %n domain</numerusform>
                <numerusform>Find servers for %n domains</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving stopped: %1</source>
            <translation>Saving stopped: %1</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Stopping…</translation>
        </message>
    </context>
    <context>
        <name>TableImportRow</name>
        <message>
            <source>Saved</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>Proved</source>
            <translation>Proved</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Needs your confirmation</source>
            <translation>Needs your confirmation</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>Invalid</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>Authorization code</source>
            <translation>Authorization code</translation>
        </message>
        <message>
            <source>IMAP password</source>
            <translation>IMAP password</translation>
        </message>
        <message>
            <source>SMTP password</source>
            <translation>SMTP password</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>IMAP user name</source>
            <translation>IMAP user name</translation>
        </message>
        <message>
            <source>SMTP user name</source>
            <translation>SMTP user name</translation>
        </message>
        <message>
            <source>IMAP server</source>
            <translation>IMAP server</translation>
        </message>
        <message>
            <source>IMAP port</source>
            <translation>IMAP port</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>SMTP server</translation>
        </message>
        <message>
            <source>SMTP port</source>
            <translation>SMTP port</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>Encryption</translation>
        </message>
        <message>
            <source>IMAP encryption</source>
            <translation>IMAP encryption</translation>
        </message>
        <message>
            <source>SMTP encryption</source>
            <translation>SMTP encryption</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Code label</source>
            <translation>Code label</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>TestPage</name>
        <message>
            <source>Test the connection</source>
            <translation>Test the connection</translation>
        </message>
        <message>
            <source>mailmanager signs in to both servers once, opens the inbox read-only and asks whether it may send. No mail is sent.</source>
            <translation>mailmanager signs in to both servers once, opens the inbox read-only and asks whether it may send. No mail is sent.</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP)</source>
            <translation>Receiving mail (IMAP)</translation>
        </message>
        <message>
            <source>Sending mail (SMTP)</source>
            <translation>Sending mail (SMTP)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Test again</source>
            <translation>Test again</translation>
        </message>
        <message>
            <source>Enter the code again</source>
            <translation>Enter the code again</translation>
        </message>
        <message>
            <source>Check the server settings</source>
            <translation>Check the server settings</translation>
        </message>
        <message>
            <source>Open the web settings</source>
            <translation>Open the web settings</translation>
        </message>
        <message>
            <source>Save anyway and fix it later (the failed test is kept with the mailbox)</source>
            <translation>Save anyway and fix it later (the failed test is kept with the mailbox)</translation>
        </message>
        <message>
            <source>The test was stopped. Nothing was saved.</source>
            <translation>The test was stopped. Nothing was saved.</translation>
        </message>
        <message>
            <source>No code is stored for this mailbox</source>
            <translation>No code is stored for this mailbox</translation>
        </message>
        <message>
            <source>Go back and choose to enter a new code.</source>
            <translation>Go back and choose to enter a new code.</translation>
        </message>
        <message>
            <source>The test could not run</source>
            <translation>The test could not run</translation>
        </message>
        <message>
            <source>Both servers accepted the code. The mailbox works.</source>
            <translation>Both servers accepted the code. The mailbox works.</translation>
        </message>
        <message>
            <source>Click Save to keep this mailbox.</source>
            <translation>Click Save to keep this mailbox.</translation>
        </message>
        <message>
            <source>Neither the receiving nor the sending test passed</source>
            <translation>Neither the receiving nor the sending test passed</translation>
        </message>
        <message>
            <source>Receiving mail (IMAP) did not work</source>
            <translation>Receiving mail (IMAP) did not work</translation>
        </message>
        <message>
            <source>Sending mail (SMTP) did not work</source>
            <translation>Sending mail (SMTP) did not work</translation>
        </message>
        <message>
            <source>Receiving (IMAP)</source>
            <translation>Receiving (IMAP)</translation>
        </message>
        <message>
            <source>Sending (SMTP)</source>
            <translation>Sending (SMTP)</translation>
        </message>
        <message>
            <source>%1 What to do is the same as above.</source>
            <translation>%1 What to do is the same as above.</translation>
        </message>
        <message>
            <source>The server said:</source>
            <translation>The server said:</translation>
        </message>
        <message>
            <source>Switch to %1 and test again</source>
            <translation>Switch to %1 and test again</translation>
        </message>
    </context>
    <context>
        <name>ThunderbirdSettings</name>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Your full name</source>
            <translation>Your full name</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>(the code, copied on its own)</source>
            <translation>(the code, copied on its own)</translation>
        </message>
        <message>
            <source>Incoming server</source>
            <translation>Incoming server</translation>
        </message>
        <message>
            <source>Outgoing server</source>
            <translation>Outgoing server</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>Protocol</translation>
        </message>
        <message>
            <source>Hostname</source>
            <translation>Hostname</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Connection security</source>
            <translation>Connection security</translation>
        </message>
        <message>
            <source>Authentication method</source>
            <translation>Authentication method</translation>
        </message>
        <message>
            <source>Normal password</source>
            <translation>Normal password</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
    </context>
    <context>
        <name>TimelineStrip</name>
        <message>
            <source>no check</source>
            <translation>no check</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Days OK: %1 · with failures: %2 · not checked: %3</source>
            <translation>Days OK: %1 · with failures: %2 · not checked: %3</translation>
        </message>
    </context>
    <context>
        <name>TrayIcon</name>
        <message>
            <source>Open mailmanager</source>
            <translation>Open mailmanager</translation>
        </message>
        <message>
            <source>Check all mailboxes</source>
            <translation>Check all mailboxes</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message numerus="yes">
            <source>Mailboxes that need attention: %n</source>
            <translation>
                <numerusform>Mailboxes that need attention: %n</numerusform>
                <numerusform>Mailboxes that need attention: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>All mailboxes are working</source>
            <translation>All mailboxes are working</translation>
        </message>
    </context>
    <context>
        <name>Trust</name>
        <message>
            <source>%1 is not part of %2 and is not one of the provider's known servers</source>
            <translation>%1 is not part of %2 and is not one of the provider's known servers</translation>
        </message>
        <message>
            <source>%1 was suggested by an unprotected source (plain HTTP or a guess)</source>
            <translation>%1 was suggested by an unprotected source (plain HTTP or a guess)</translation>
        </message>
        <message>
            <source>%1 would receive the code without encryption, and you did not choose that</source>
            <translation>%1 would receive the code without encryption, and you did not choose that</translation>
        </message>
        <message>
            <source>the extra CA certificates (SHA-256 %1) were not chosen or confirmed by you</source>
            <translation>the extra CA certificates (SHA-256 %1) were not chosen or confirmed by you</translation>
        </message>
        <message>
            <source>%1 is not paired with %2 in any of the provider's server groups</source>
            <translation>%1 is not paired with %2 in any of the provider's server groups</translation>
        </message>
    </context>
    <context>
        <name>TrustDialog</name>
        <message>
            <source>Servers waiting for your confirmation</source>
            <translation>Servers waiting for your confirmation</translation>
        </message>
        <message>
            <source>These mailboxes name servers that mailmanager does not send a code to until you confirm them: they are not the provider's, not part of the address's own domain, or not encrypted. Their checks send nothing until then. Tick only what you recognise; ask your mail administrator if you are not sure.</source>
            <translation>These mailboxes name servers that mailmanager does not send a code to until you confirm them: they are not the provider's, not part of the address's own domain, or not encrypted. Their checks send nothing until then. Tick only what you recognise; ask your mail administrator if you are not sure.</translation>
        </message>
        <message>
            <source>Confirm the ticked servers</source>
            <translation>Confirm the ticked servers</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Not now</translation>
        </message>
    </context>
    <context>
        <name>TrustText</name>
        <message>
            <source>the built-in provider catalogue</source>
            <translation>the built-in provider catalogue</translation>
        </message>
        <message>
            <source>entered by you</source>
            <translation>entered by you</translation>
        </message>
        <message>
            <source>the domain's DNS records (%1)</source>
            <translation>the domain's DNS records (%1)</translation>
        </message>
        <message>
            <source>the domain's settings file over HTTPS (%1)</source>
            <translation>the domain's settings file over HTTPS (%1)</translation>
        </message>
        <message>
            <source>a settings file fetched without encryption (%1)</source>
            <translation>a settings file fetched without encryption (%1)</translation>
        </message>
        <message>
            <source>a guess from common server names</source>
            <translation>a guess from common server names</translation>
        </message>
        <message>
            <source>an imported settings file</source>
            <translation>an imported settings file</translation>
        </message>
        <message>
            <source>a provider file you imported (%1)</source>
            <translation>a provider file you imported (%1)</translation>
        </message>
        <message>
            <source>saved by an earlier version of this app</source>
            <translation>saved by an earlier version of this app</translation>
        </message>
        <message>
            <source>confirmed by you on %1</source>
            <translation>confirmed by you on %1</translation>
        </message>
        <message>
            <source>%2 was suggested for %1 by a source that anyone on your network could have answered. Only continue if you know this server belongs to your mail provider.</source>
            <translation>%2 was suggested for %1 by a source that anyone on your network could have answered. Only continue if you know this server belongs to your mail provider.</translation>
        </message>
        <message>
            <source>Mail for %1 would be handled by %2, which is not part of %3. Only continue if your mail administrator told you so.</source>
            <translation>Mail for %1 would be handled by %2, which is not part of %3. Only continue if your mail administrator told you so.</translation>
        </message>
        <message>
            <source>%2 would receive the code of %1 without encryption: anyone on the network could read it. Only allow this for a server on your own network.</source>
            <translation>%2 would receive the code of %1 without encryption: anyone on the network could read it. Only allow this for a server on your own network.</translation>
        </message>
        <message>
            <source>The extra CA certificate file saved with %1 cannot be read any more. If your mail administrator gave it to you, choose it again with Fix (servers page, Advanced).</source>
            <translation>The extra CA certificate file saved with %1 cannot be read any more. If your mail administrator gave it to you, choose it again with Fix (servers page, Advanced).</translation>
        </message>
        <message>
            <source>The servers of %1 would be trusted with extra CA certificates (SHA-256 %2). Only continue if your mail administrator gave you these certificates.</source>
            <translation>The servers of %1 would be trusted with extra CA certificates (SHA-256 %2). Only continue if your mail administrator gave you these certificates.</translation>
        </message>
        <message>
            <source>I trust %2 with the code of %1</source>
            <translation>I trust %2 with the code of %1</translation>
        </message>
        <message>
            <source>Send the code of %1 to %2 without encryption</source>
            <translation>Send the code of %1 to %2 without encryption</translation>
        </message>
        <message>
            <source>Trust these certificates for %1 (SHA-256 %2)</source>
            <translation>Trust these certificates for %1 (SHA-256 %2)</translation>
        </message>
    </context>
</TS>
