/** Campus directory (LDAP / Active Directory) sign-in: see docs/directory.md. */
package edu.lanyard.ldap;
