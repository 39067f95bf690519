"""我要反映: the ways residents speak up (phone, SMS, email, WeChat, survey, mailbox) on village, post and officer pages."""
